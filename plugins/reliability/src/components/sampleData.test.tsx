import { screen, within } from '@testing-library/react';
import {
  EntityDrills,
  EntitySlos,
  EntityTrend,
} from '@readiness/plugin-reliability-common';
import {
  ledgerBackups,
  ledgerDrills,
  ledgerSlos,
  ledgerTrend,
  mockApi,
  renderForEntity,
  verdict,
} from '../__testUtils__/reliability';
import { BackupVerificationCard } from './DisasterRecovery/BackupVerificationCard';
import { DrTimelineCard } from './DisasterRecovery/DrTimelineCard';
import { EntityReliabilitySummaryCard } from './EntityReliabilitySummaryCard';
import { GateVerdictsCard } from './Gates/GateVerdictsCard';
import { PerfRunsPanel } from './PerfRuns/PerfRunsPanel';
import { SloObjectivesCard } from './Slos/SloObjectivesCard';

/*
 * Records seeded as sample data (docs/operations/sample-data.md) carry their
 * mark in fields every publication has; each card that shows one says so.
 */

const sampleTrend: EntityTrend = {
  ...ledgerTrend,
  points: ledgerTrend.points.map(p => ({
    ...p,
    release: `${p.release}+sample`,
  })),
};

function sampleDrills(): EntityDrills {
  const record = ledgerDrills();
  return {
    ...record,
    drills: [
      { ...record.drills[0], source: 'push:sample:drill/ledger/2026-11-20' },
      record.drills[0],
    ],
  };
}

const DOCS = '/docs/default/system/readiness-portal/operations/sample-data/';

function marks() {
  return screen.queryAllByText('Sample data');
}

describe('sample data marks', () => {
  it('marks the trend and the runs of sample releases, and no others', async () => {
    const { unmount } = renderForEntity(
      <PerfRunsPanel />,
      mockApi({ getEntityTrend: jest.fn(async () => ledgerTrend) }),
    );
    expect(
      await screen.findByRole('table', { name: 'Perf runs' }),
    ).toBeInTheDocument();
    expect(marks()).toEqual([]);
    unmount();

    renderForEntity(
      <PerfRunsPanel />,
      mockApi({ getEntityTrend: jest.fn(async () => sampleTrend) }),
    );
    await screen.findByRole('table', { name: 'Perf runs' });
    expect(marks()).toHaveLength(2);
    expect(
      screen.getByRole('link', {
        name: 'Runs of releases ending in +sample are sample data, seeded for a first start of the portal, not published by a pipeline.',
      }),
    ).toHaveAttribute('href', DOCS);
  });

  it('marks objectives judged on a sample run', async () => {
    const judged = (release: string): EntitySlos => ({
      ...ledgerSlos,
      slos: ledgerSlos.slos.map(slo => ({
        ...slo,
        latest: slo.latest && { ...slo.latest, release },
      })),
    });
    expect(ledgerSlos.slos.some(slo => slo.latest)).toBe(true);
    const { unmount } = renderForEntity(
      <SloObjectivesCard slos={judged('2026.48.0')} />,
      mockApi(),
    );
    expect(
      await screen.findByText('Service level objectives'),
    ).toBeInTheDocument();
    expect(marks()).toEqual([]);
    unmount();
    renderForEntity(
      <SloObjectivesCard slos={judged('2026.48.0+sample')} />,
      mockApi(),
    );
    expect(await screen.findByText('Sample data')).toBeInTheDocument();
  });

  it('marks gate verdicts on sample releases', async () => {
    renderForEntity(
      <GateVerdictsCard />,
      mockApi({
        listGateVerdicts: jest.fn(async () => ({
          items: [verdict('v1', '2026.48.0+sample', 'fail')],
        })),
      }),
    );
    expect(await screen.findByText('2026.48.0+sample')).toBeInTheDocument();
    expect(marks()).toHaveLength(1);
  });

  it('marks each sample drill among drills from files', async () => {
    renderForEntity(
      <DrTimelineCard />,
      mockApi({ getEntityDrills: jest.fn(async () => sampleDrills()) }),
    );
    const table = await screen.findByRole('table', { name: 'DR drills' });
    const [, pushed, fromFile] = within(table).getAllByRole('row');
    expect(within(pushed).getByText('Sample data')).toBeInTheDocument();
    expect(within(fromFile).queryByText('Sample data')).not.toBeInTheDocument();
    // and the card says it holds some
    expect(marks()).toHaveLength(2);
  });

  it('marks the kinds of backup whose newest verification is a sample', async () => {
    const mixed = {
      ...ledgerBackups,
      kinds: ledgerBackups.kinds.map((kind, i) =>
        i === 0
          ? {
              ...kind,
              latest: {
                ...kind.latest,
                idempotencyKey: 'sample:backup/ledger/base-backup/2026-11-27',
              },
            }
          : kind,
      ),
    };
    renderForEntity(
      <BackupVerificationCard />,
      mockApi({ getEntityBackups: jest.fn(async () => mixed) }),
    );
    const table = await screen.findByRole('table', {
      name: 'Backup verification',
    });
    expect(
      within(within(table).getByRole('row', { name: /base-backup/ })).getByText(
        'Sample data',
      ),
    ).toBeInTheDocument();
    expect(
      within(
        within(table).getByRole('row', { name: /wal-archive/ }),
      ).queryByText('Sample data'),
    ).not.toBeInTheDocument();
    expect(marks()).toHaveLength(2);
  });

  it('marks the summary when what it summarises holds sample data', async () => {
    const { unmount } = renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({ getEntityDrills: jest.fn(async () => ledgerDrills()) }),
    );
    expect(await screen.findByText('DR drills')).toBeInTheDocument();
    expect(marks()).toEqual([]);
    unmount();
    renderForEntity(
      <EntityReliabilitySummaryCard />,
      mockApi({ getEntityDrills: jest.fn(async () => sampleDrills()) }),
    );
    expect(await screen.findByText('Sample data')).toBeInTheDocument();
  });
});
