import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  isForbidden,
  isNotFound,
  createRecordErrorPanel,
  RecordErrorPanel,
  statusOf,
} from './RecordErrorPanel';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'SomeError', message },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('RecordErrorPanel', () => {
  it('says a refused record is internal, without the server message', async () => {
    await renderInTestApp(
      <RecordErrorPanel
        error={await responseError(403, 'denied by policy')}
        internalTitle="This record is internal"
        internalDescription="The drills of this entity are not published to you."
      />,
    );
    expect(screen.getByText('This record is internal')).toBeInTheDocument();
    expect(
      screen.getByText('The drills of this entity are not published to you.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/denied by policy/)).not.toBeInTheDocument();
  });

  it("shows any other failure with the server's answer", async () => {
    await renderInTestApp(
      <RecordErrorPanel
        error={await responseError(500, 'database went away')}
        internalTitle="This record is internal"
        internalDescription="-"
      />,
    );
    expect(screen.getAllByText(/database went away/).length).toBeGreaterThan(0);
    expect(
      screen.queryByText('This record is internal'),
    ).not.toBeInTheDocument();
  });

  it('reads statuses from client errors only', async () => {
    expect(statusOf(await responseError(404, 'x'))).toBe(404);
    expect(isForbidden(await responseError(403, 'x'))).toBe(true);
    expect(statusOf(new Error('plain'))).toBeUndefined();
    expect(statusOf({ statusCode: '403' })).toBeUndefined();
    expect(statusOf(undefined)).toBeUndefined();
  });

  it('tells a missing record from a refused one', async () => {
    expect(isNotFound(await responseError(404, 'x'))).toBe(true);
    expect(isNotFound(await responseError(403, 'x'))).toBe(false);
    expect(isForbidden(await responseError(404, 'x'))).toBe(false);
    expect(isNotFound(new Error('plain'))).toBe(false);
  });
});

describe('createRecordErrorPanel', () => {
  const FamilyPanel = createRecordErrorPanel({
    internalTitle: 'This compliance record is internal',
    record: 'compliance record',
    subject: 'this entity',
  });

  it("words a refusal in the family's words, naming the part when given", async () => {
    await renderInTestApp(
      <>
        <FamilyPanel
          error={await responseError(403, 'denied')}
          what="evidence"
        />
        <FamilyPanel error={await responseError(403, 'denied')} />
      </>,
    );
    expect(
      screen.getAllByText('This compliance record is internal'),
    ).toHaveLength(2);
    expect(
      screen.getByText('The evidence of this entity is not published to you.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The compliance record of this entity is not published to you.',
      ),
    ).toBeInTheDocument();
  });

  it("shows other failures with the server's answer", async () => {
    await renderInTestApp(
      <FamilyPanel error={await responseError(502, 'upstream timed out')} />,
    );
    expect(screen.getAllByText(/upstream timed out/).length).toBeGreaterThan(0);
  });
});
