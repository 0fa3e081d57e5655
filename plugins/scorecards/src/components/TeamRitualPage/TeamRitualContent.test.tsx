import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  RitualChanges,
  ScorecardRollup,
  ScorecardsApi,
  scorecardsApiRef,
} from '../../api';
import { forbidden, mockApi } from '../../__testUtils__/scorecards';
import { TeamRitualContent } from './TeamRitualContent';

const team = { namespace: 'default', name: 'team-finance' };

const rollup: ScorecardRollup = {
  subject: {
    entityRef: 'group:default/team-finance',
    kind: 'group',
    title: 'Finance',
  },
  entities: [
    {
      entityRef: 'component:default/ledger',
      level: null,
      score: 58,
      nextLevel: 'bronze',
      blockedBy: ['slos-met', 'runbook-link'],
      failing: 3,
      applicable: 9,
      computedAt: '2026-12-06T02:00:00.000Z',
      trend: [
        { day: '2026-12-05', level: null, score: 50 },
        { day: '2026-12-06', level: null, score: 58 },
      ],
    },
    {
      entityRef: 'component:default/billing',
      level: 'silver',
      score: 90,
      nextLevel: 'gold',
      blockedBy: ['slos-met'],
      failing: 1,
      applicable: 9,
      computedAt: '2026-12-06T02:00:00.000Z',
      trend: [{ day: '2026-12-06', level: 'silver', score: 90 }],
    },
  ],
  levels: { gold: 0, silver: 1, bronze: 0, none: 1 },
  averageScore: 74,
  failingChecks: [
    {
      id: 'slos-met',
      title: 'SLOs are met',
      category: 'reliability',
      level: 'bronze',
      why: 'Users feel a missed objective.',
      howToFix: { text: 'Fix it.', docs: 'reliability/slos#met' },
      blocking: 2,
      failing: 2,
      blockedEntityRefs: [
        'component:default/ledger',
        'component:default/billing',
      ],
    },
  ],
  trend: { from: '2026-11-07', to: '2026-12-06' },
  mayMarkRitual: true,
};

const ritual = {
  id: 'r1',
  groupRef: 'group:default/team-finance',
  day: '2026-12-01',
  heldAt: '2026-12-01T10:00:00.000Z',
  note: 'ledger first',
  heldBy: 'user:default/guest',
  recordedAt: '2026-12-01T10:00:00.000Z',
};

const changes: RitualChanges = {
  since: ritual,
  changed: [
    {
      entityRef: 'component:default/ledger',
      then: { level: 'bronze', score: 64 },
      now: { level: null, score: 58 },
      started: [{ id: 'slos-met', title: 'SLOs are met' }],
      stopped: [],
    },
  ],
  unchanged: 1,
};

function render(api = ritualApi()) {
  return renderInTestApp(<TeamRitualContent team={team} />, {
    apis: [[scorecardsApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function ritualApi(overrides: Partial<ScorecardsApi> = {}) {
  return mockApi({
    getRollup: jest.fn(async () => rollup),
    getRitualChanges: jest.fn(async () => changes),
    listRituals: jest.fn(async () => ({ items: [ritual] })),
    markRitualHeld: jest.fn(async () => ({
      created: true,
      ritual: { ...ritual, id: 'r2', day: '2026-12-08' },
    })),
    ...overrides,
  });
}

describe('TeamRitualContent', () => {
  it('shows the entities with trends, what changed and the checks ranked by entities blocked, and marks the ritual held', async () => {
    const api = ritualApi();
    render(api);
    expect(
      await screen.findByRole('heading', { name: /Readiness ritual: Finance/ }),
    ).toBeInTheDocument();
    const entities = screen.getByRole('table', { name: 'Team entities' });
    expect(entities).toHaveTextContent('ledger');
    expect(
      screen.getByRole('img', { name: 'Score 50 to 58 over 2 days, up 8' }),
    ).toBeInTheDocument();
    const changed = await screen.findByRole('table', {
      name: 'Changes since the last ritual',
    });
    expect(changed).toHaveTextContent('Bronze · 64');
    expect(changed).toHaveTextContent('SLOs are met');
    expect(screen.getByRole('link', { name: 'SLOs are met' })).toHaveAttribute(
      'href',
      expect.stringContaining('reliability/slos/#met'),
    );
    expect(
      screen.getByRole('table', { name: 'Failing checks ranked' }),
    ).toHaveTextContent('2 entities');
    expect(await screen.findByText('ledger first')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Ritual note'), 'billing next');
    await userEvent.click(
      screen.getByRole('button', { name: 'Mark ritual held' }),
    );
    await waitFor(() =>
      expect(api.markRitualHeld).toHaveBeenCalledWith(team, {
        note: 'billing next',
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(/recorded/);
    expect(api.listRituals).toHaveBeenCalledTimes(2);
  });

  it('hides the mark from callers who may not and says how to fill an empty team and a first ritual', async () => {
    render(
      ritualApi({
        getRollup: jest.fn(async () => ({
          ...rollup,
          mayMarkRitual: false,
          entities: [],
          failingChecks: [],
        })),
        getRitualChanges: jest.fn(async () => ({
          since: null,
          changed: [],
          unchanged: 0,
        })),
        listRituals: jest.fn(async () => ({ items: [] })),
      }),
    );
    expect(
      await screen.findByText('This team owns no scored entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Mark ritual held' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Download CSV' }),
    ).toBeInTheDocument();
  });

  it('says a refused rollup is internal', async () => {
    render(
      ritualApi({
        getRollup: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(
      await screen.findByText('This scorecard is internal'),
    ).toBeInTheDocument();
  });
});
