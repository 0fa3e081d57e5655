import { screen, within } from '@testing-library/react';
import { EntityDrills } from '@readiness/plugin-reliability-common';
import {
  emptyDrills,
  forbidden,
  ledgerBackups,
  ledgerDrills,
  ledgerSlos,
  mockApi,
  pending,
  renderForEntity,
  verdict,
} from '../../__testUtils__/reliability';
import { EntityReliabilitySummaryCard } from './EntityReliabilitySummaryCard';

function line(label: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Reliability summary' });
  return within(list).getByText(label).closest('li')!;
}

describe('EntityReliabilitySummaryCard', () => {
  it('shows progress while the record loads', async () => {
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({ getEntitySlos: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says what is missing for an entity with no record yet', async () => {
    renderForEntity(<EntityReliabilitySummaryCard />, mockApi());
    expect(
      await screen.findByRole('list', { name: 'Reliability summary' }),
    ).toBeInTheDocument();
    expect(line('SLOs')).toHaveTextContent(
      'No objectives: add the readiness.dev/openslo annotation',
    );
    expect(line('Release gate')).toHaveTextContent(
      'No gate decision yet: CI asks with readiness-ci gate',
    );
    expect(line('DR drills')).toHaveTextContent('A first drill is due now');
    expect(line('Backups')).toHaveTextContent('No verification pushed yet');
    expect(
      screen.getByRole('link', { name: /Open the reliability record/ }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger/reliability');
  });

  it('sums up SLOs, the newest gate verdict, the drill cadence and the backups', async () => {
    const api = mockApi({
      getEntitySlos: jest.fn(async () => ledgerSlos),
      listGateVerdicts: jest.fn(async () => ({
        items: [verdict('v2', '2026.11.4', 'fail')],
        nextCursor: 'more',
      })),
      getEntityDrills: jest.fn(async () => ledgerDrills()),
      getEntityBackups: jest.fn(async () => ledgerBackups),
    });
    renderForEntity(<EntityReliabilitySummaryCard />, api);
    await screen.findByRole('list', { name: 'Reliability summary' });
    expect(line('SLOs')).toHaveTextContent('1 met, 1 missed');
    expect(line('SLOs')).toHaveTextContent('2 objectives on the newest runs');
    expect(line('Release gate')).toHaveTextContent('fail');
    expect(line('Release gate')).toHaveTextContent('2026.11.4 in staging');
    expect(line('DR drills')).toHaveTextContent('on schedule');
    expect(line('DR drills')).toHaveTextContent(
      /Next drill due .* \(in 20 days\)/,
    );
    expect(line('Backups')).toHaveTextContent('Failed: wal-archive');
    expect(api.listGateVerdicts).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'ledger' },
      { limit: 1 },
    );
  });

  it('says no objective was judged before any run', async () => {
    const unjudged = {
      ...ledgerSlos,
      slos: ledgerSlos.slos.map(slo => ({ ...slo, latest: undefined })),
    };
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({ getEntitySlos: jest.fn(async () => unjudged) }),
    );
    await screen.findByRole('list', { name: 'Reliability summary' });
    expect(line('SLOs')).toHaveTextContent('no data');
    expect(line('SLOs')).toHaveTextContent(
      '2 objectives, none judged yet: publish perf runs',
    );
  });

  it('warns of an overdue drill', async () => {
    const overdue: EntityDrills = {
      ...emptyDrills,
      cadence: {
        lastDrill: '2026-09-01T00:00:00Z',
        nextDue: '2026-10-01T00:00:00Z',
        overdue: true,
        daysOverdue: 57,
      },
    };
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({ getEntityDrills: jest.fn(async () => overdue) }),
    );
    await screen.findByRole('list', { name: 'Reliability summary' });
    expect(line('DR drills')).toHaveTextContent('overdue');
    expect(line('DR drills')).toHaveTextContent('Drill overdue by 57 days');
  });

  it('shows what could be read when one part fails', async () => {
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({
        getEntityBackups: jest.fn(async () => {
          throw new Error(
            'Not found: /v1/entities/component/default/ledger/backups',
          );
        }),
        getEntitySlos: jest.fn(async () => ledgerSlos),
      }),
    );
    await screen.findByRole('list', { name: 'Reliability summary' });
    expect(line('Backups')).toHaveTextContent('unavailable');
    expect(line('Backups')).toHaveTextContent(/Not found/);
    expect(line('SLOs')).toHaveTextContent('1 met, 1 missed');
  });

  it('says the record is internal when every part is refused', async () => {
    const refuse = () =>
      jest.fn(async () => {
        throw forbidden();
      });
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({
        getEntitySlos: refuse(),
        listGateVerdicts: refuse(),
        getEntityDrills: refuse(),
        getEntityBackups: refuse(),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Reliability summary' }),
    ).toBeNull();
  });
});
