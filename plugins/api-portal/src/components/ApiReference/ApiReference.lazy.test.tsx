import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { readCorpusFile } from '@readiness/test-corpus';
import { ApiReference } from './ApiReference';
import { readOperation } from './model/operationView';

// count the operation views the reference builds
jest.mock('./model/operationView', () => {
  const actual = jest.requireActual('./model/operationView');
  return { ...actual, readOperation: jest.fn(actual.readOperation) };
});

const built = readOperation as jest.MockedFunction<typeof readOperation>;

const stripe = readCorpusFile('openapi', 'stripe', 'spec3.yaml').toString(
  'utf8',
);

function operationList() {
  return screen.getByRole('list', { name: 'Operations' });
}

async function open(filter: string, name: RegExp) {
  const box = screen.getByRole('textbox', { name: 'Filter operations' });
  await userEvent.clear(box);
  await userEvent.type(box, filter);
  await userEvent.click(within(operationList()).getByRole('button', { name }));
  return screen.getByRole('region', { name: 'Operation details' });
}

describe('ApiReference on a large definition', () => {
  beforeEach(() => built.mockClear());

  it('lists the operations without building any operation’s view, builds one when it is opened and keeps it', async () => {
    await renderInTestApp(<ApiReference definition={stripe} />);
    expect(await screen.findByText('468 operations')).toBeInTheDocument();
    expect(
      within(operationList()).getAllByRole('button').length,
    ).toBeGreaterThan(0);
    expect(built).not.toHaveBeenCalled();

    const details = await open(
      'checkout/sessions',
      /^POST \/v1\/checkout\/sessions —/,
    );
    expect(
      within(details).getByRole('heading', {
        level: 3,
        name: 'POST /v1/checkout/sessions',
      }),
    ).toBeInTheDocument();
    expect(
      within(details).getByRole('group', {
        name: 'Request body schema (application/x-www-form-urlencoded)',
      }),
    ).toBeInTheDocument();
    expect(built).toHaveBeenCalledTimes(1);

    await open('v1/account', /^GET \/v1\/account —/);
    expect(built).toHaveBeenCalledTimes(2);
    // back to the first: read once per document
    await open('checkout/sessions', /^POST \/v1\/checkout\/sessions —/);
    expect(built).toHaveBeenCalledTimes(2);
  });

  it('shows what it can of an operation whose schemas are not valid YAML, and says why', async () => {
    const definition = [
      'openapi: 3.0.3',
      'info:',
      '  title: Half broken',
      '  version: "1"',
      'paths:',
      '  /things:',
      '    post:',
      '      summary: Create a thing',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      "              $ref: '#/components/schemas/Thing'",
      '      responses:',
      "        '201':",
      '          description: Created',
      'components:',
      '  schemas:',
      '    Thing:',
      '      type: object',
      '      properties: [unclosed',
      // large enough to be read section by section
      'x-notes: |',
      ...Array.from(
        { length: 12_000 },
        (_, i) => `  note ${i} of the many notes`,
      ),
    ].join('\n');
    await renderInTestApp(<ApiReference definition={definition} />);
    expect(await screen.findByText('1 operation')).toBeInTheDocument();
    await userEvent.click(
      within(operationList()).getByRole('button', { name: /^POST \/things/ }),
    );
    expect(
      await screen.findByText(
        /This part of the API definition cannot be shown/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/neither valid JSON nor valid YAML/),
    ).toBeInTheDocument();
    // the list stays
    expect(operationList()).toBeInTheDocument();
  });
});
