import { screen, waitFor, within } from '@testing-library/react';
import { EntityDrills } from '@readiness/plugin-reliability-common';
import {
  emptyDrills,
  forbidden,
  ledgerDrills,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { cadenceText, DrTimelineCard } from './DrTimelineCard';

describe('DrTimelineCard', () => {
  it('shows progress while the drills load', async () => {
    renderForEntity(
      <DrTimelineCard />,
      mockApi({ getEntityDrills: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says how to record a drill when there is none', async () => {
    renderForEntity(<DrTimelineCard />, mockApi());
    expect(
      await screen.findByText('No DR drills recorded for this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /docs\/drills\/<date>.md .*component:default\/ledger.*POST \/api\/reliability\/v1\/drills.*readiness.dev\/dr-targets.*A first drill is due now/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How to record a drill' }),
    ).toHaveAttribute('href', '/docs/default/system/readiness-portal/drills/');
  });

  it('says the record is internal on a refusal', async () => {
    renderForEntity(
      <DrTimelineCard />,
      mockApi({
        getEntityDrills: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });

  it('shows why the drills could not be read', async () => {
    renderForEntity(
      <DrTimelineCard />,
      mockApi({
        getEntityDrills: jest.fn(async () => {
          throw new Error('drill folder unreadable');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/drill folder unreadable/)).length,
    ).toBeGreaterThan(0);
  });

  it('charts and lists each drill against its targets, with the next due date', async () => {
    renderForEntity(
      <DrTimelineCard />,
      mockApi({ getEntityDrills: jest.fn(async () => ledgerDrills()) }),
    );
    const chart = await screen.findByRole('group', {
      name: 'Achieved RTO and RPO per drill',
    });
    // recharts draws the series once it has measured the axes
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2),
    );
    expect(chart.querySelectorAll('.recharts-bar')).toHaveLength(2);
    expect(
      within(chart).getByText('RTO target 60 min (zone)'),
    ).toBeInTheDocument();
    expect(
      within(chart).getByText('RPO target 15 min (zone)'),
    ).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'DR drills' });
    const row = within(table).getByRole('row', { name: /Zone failure/ });
    expect(within(row).getByText('zone')).toBeInTheDocument();
    expect(within(row).getByText('passed')).toBeInTheDocument();
    expect(within(row).getByText(/38 min \/ 60 min/)).toBeInTheDocument();
    expect(within(row).getByText(/4 min \/ 15 min/)).toBeInTheDocument();
    expect(within(row).getAllByText('met')).toHaveLength(2);
    expect(
      within(row).getByRole('link', {
        name: /^grafana.example.com › filing-db/,
      }),
    ).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/postgres/filing-db',
    );
    expect(
      within(row).getByText('docs/drills/2026-10-14.md'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Next drill due .* \(in 20 days\)/),
    ).toBeInTheDocument();
  });

  it('warns when a drill is overdue and lists the problems of the records', async () => {
    const drills = ledgerDrills();
    const late: EntityDrills = {
      ...drills,
      drills: drills.drills.map(d => ({
        ...d,
        achievedRtoMinutes: 75,
        rtoMet: false,
      })),
      cadence: { ...drills.cadence, overdue: true, daysOverdue: 12 },
      problems: [
        {
          source: 'docs/drills/2026-11-02.md',
          field: 'started',
          line: 6,
          message: 'expected an ISO 8601 date-time, got "yesterday"',
        },
      ],
    };
    renderForEntity(
      <DrTimelineCard />,
      mockApi({ getEntityDrills: jest.fn(async () => late) }),
    );
    expect(
      await screen.findByText(/Drill overdue by 12 days/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 problem in the drill records or targets/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /docs\/drills\/2026-11-02.md:6 started: expected an ISO 8601 date-time/,
      ),
    ).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Zone failure/ });
    expect(within(row).getByText('missed')).toBeInTheDocument();
  });
});

describe('cadenceText', () => {
  it('says when the next drill is due, or how late it is', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(cadenceText(emptyDrills.cadence, now)).toBe(
      'A first drill is due now',
    );
    expect(
      cadenceText(
        {
          lastDrill: '2026-11-01T00:00:00Z',
          nextDue: '2026-12-01T00:00:00Z',
          overdue: false,
          daysOverdue: 0,
        },
        now,
      ),
    ).toMatch(/^Next drill due .* \(in 4 days\)$/);
    expect(
      cadenceText(
        {
          lastDrill: '2026-10-01T00:00:00Z',
          nextDue: '2026-10-31T00:00:00Z',
          overdue: true,
          daysOverdue: 1,
        },
        now,
      ),
    ).toBe('Drill overdue by 1 day');
  });
});
