import { fireEvent, screen, within } from '@testing-library/react';
import {
  forbidden,
  mockApi,
  pending,
  renderForEntity,
  verdict,
} from '../../__testUtils__/reliability';
import { GateVerdictsCard } from './GateVerdictsCard';

const LEDGER = { kind: 'component', namespace: 'default', name: 'ledger' };

/** The row of a verdict, found by its release cell. */
function rowOf(container: HTMLElement, release: string): HTMLElement {
  return within(container).getByRole('cell', { name: release }).closest('tr')!;
}

describe('GateVerdictsCard', () => {
  it('shows progress while the verdicts load', async () => {
    renderForEntity(
      <GateVerdictsCard />,
      mockApi({ listGateVerdicts: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says how CI asks the gate when it never did', async () => {
    renderForEntity(<GateVerdictsCard />, mockApi());
    expect(
      await screen.findByText('No release gate decisions yet'),
    ).toBeInTheDocument();
    const howTo = screen.getByText(
      /readiness-ci gate --entity component:default\/ledger .*readiness.dev\/required-scenarios/,
    );
    // Only verdicts CI records are kept; asking with a GET keeps nothing
    expect(howTo.textContent).toMatch(
      /POST \/api\/reliability\/v1\/gates\/component\/default\/ledger/,
    );
    expect(howTo.textContent).not.toMatch(/GET /);
    expect(
      screen.getByRole('link', { name: 'How the gate decides' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/reliability/release-gate/',
    );
  });

  it('says the record is internal on a refusal', async () => {
    renderForEntity(
      <GateVerdictsCard />,
      mockApi({
        listGateVerdicts: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });

  it('shows why the verdicts could not be read', async () => {
    renderForEntity(
      <GateVerdictsCard />,
      mockApi({
        listGateVerdicts: jest.fn(async () => {
          throw new Error('gate history is down');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/gate history is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('lists verdicts by release, expands their reasons and loads more pages', async () => {
    const api = mockApi({
      listGateVerdicts: jest.fn(async (_entity, query) =>
        query?.cursor === 'page-2'
          ? { items: [verdict('v0', '2026.11.1', 'pass')] }
          : {
              items: [
                verdict('v2', '2026.11.4', 'fail'),
                verdict('v1', '2026.11.3', 'unknown'),
              ],
              nextCursor: 'page-2',
            },
      ),
    });
    renderForEntity(<GateVerdictsCard />, api);
    const table = await screen.findByRole('table', {
      name: 'Release gate verdicts',
    });
    const newest = rowOf(table, '2026.11.4');
    expect(within(newest).getByText('staging')).toBeInTheDocument();
    expect(within(newest).getByText('fail')).toBeInTheDocument();
    expect(
      within(newest).getByText('1 failed · 1 unknown'),
    ).toBeInTheDocument();
    expect(rowOf(table, '2026.11.3')).toHaveTextContent('unknown');

    const toggle = screen.getByRole('button', {
      name: 'Show the reasons for 2026.11.4 in staging',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    const reasons = await screen.findByRole('table', {
      name: 'Reasons for 2026.11.4 in staging',
    });
    expect(
      within(reasons).getByText('k6 exited with code 99: a threshold failed'),
    ).toBeInTheDocument();
    expect(within(reasons).getByText('run r3')).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(
      await within(table).findByRole('cell', { name: '2026.11.1' }),
    ).toBeInTheDocument();
    expect(api.listGateVerdicts).toHaveBeenLastCalledWith(LEDGER, {
      cursor: 'page-2',
      limit: 10,
    });
    expect(rowOf(table, '2026.11.4')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('keeps the pages read when a further page fails', async () => {
    const api = mockApi({
      listGateVerdicts: jest.fn(async (_entity, query) => {
        if (query?.cursor) throw new Error('page 2 is gone');
        return { items: [verdict('v2', '2026.11.4', 'pass')], nextCursor: 'c' };
      }),
    });
    renderForEntity(<GateVerdictsCard />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(
      (await screen.findAllByText(/page 2 is gone/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('cell', { name: '2026.11.4' })).toBeInTheDocument();
  });
});
