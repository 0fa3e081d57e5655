import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import {
  DatabaseScorecardStore,
  ScorecardResult,
  utcDay,
} from './DatabaseScorecardStore';

const databases = createStoreTestDatabases();

const LEDGER = 'component:default/ledger';
const BILLING = 'component:default/billing';

const result = (
  entityRef: string,
  computedAt: string,
  score: number | null,
  extra: Partial<ScorecardResult> = {},
): ScorecardResult => ({
  entityRef,
  ownerRef: 'group:default/payments',
  level: score === 100 ? 'gold' : 'bronze',
  nextLevel: score === 100 ? null : 'silver',
  summary: {
    score,
    passed: 3,
    failed: 1,
    unknown: 0,
    applicable: 4,
    categories: {
      ownership: { score, passed: 3, failed: 1, unknown: 0, applicable: 4 },
    },
  },
  outcomes: [
    { checkId: 'owner-is-group', status: 'pass', reason: 'holds' },
    { checkId: 'system-set', status: 'fail', reason: 'is false' },
  ],
  checksDigest: 'a'.repeat(64),
  computedAt,
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %s',
  databaseId => {
    let store: DatabaseScorecardStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseScorecardStore.create({
        database: databaseServiceFor(knex),
      });
      await knex('scorecards_results').delete();
      await knex('scorecards_daily_snapshots').delete();
    });

    it('keeps the current result of each entity as it was stored', async () => {
      const ledger = result(LEDGER, '2026-12-01T02:00:00.000Z', 75);
      await store.saveResults([
        ledger,
        result(BILLING, '2026-12-01T02:00:00.000Z', null, {
          ownerRef: undefined,
          level: null,
          nextLevel: null,
        }),
      ]);
      expect(await store.getResult(LEDGER)).toEqual(ledger);
      const billing = await store.getResult(BILLING);
      expect(billing).toMatchObject({ level: null, summary: { score: null } });
      expect(billing).not.toHaveProperty('ownerRef');
      expect(
        await store.getResult('component:default/nothing'),
      ).toBeUndefined();
    });

    it('replaces a result with a newer one, never with an older one', async () => {
      await store.saveResults([result(LEDGER, '2026-12-01T10:00:00.000Z', 50)]);
      await store.saveResults([result(LEDGER, '2026-12-01T12:00:00.000Z', 75)]);
      await store.saveResults([result(LEDGER, '2026-12-01T11:00:00.000Z', 25)]);
      expect((await store.getResult(LEDGER))?.summary.score).toBe(75);
      // within one batch, the newest of an entity counts
      await store.saveResults([
        result(LEDGER, '2026-12-01T14:00:00.000Z', 100),
        result(LEDGER, '2026-12-01T13:00:00.000Z', 0),
      ]);
      expect(await store.getResult(LEDGER)).toMatchObject({
        level: 'gold',
        summary: { score: 100 },
        computedAt: '2026-12-01T14:00:00.000Z',
      });
    });

    it('keeps one snapshot per entity and UTC day, the newest of the day', async () => {
      await store.saveResults([result(LEDGER, '2026-12-01T02:00:00.000Z', 50)]);
      await store.saveResults([result(LEDGER, '2026-12-01T23:30:00.000Z', 75)]);
      await store.saveResults([
        result(LEDGER, '2026-12-02T00:30:00.000Z', 100),
      ]);
      await store.saveResults([result(LEDGER, '2026-12-04T02:00:00.000Z', 25)]);
      // a repeat of a stored result changes nothing
      await store.saveResults([result(LEDGER, '2026-12-04T02:00:00.000Z', 25)]);
      await store.saveResults([result(BILLING, '2026-12-02T02:00:00.000Z', 0)]);

      const history = await store.history(LEDGER, {
        from: '2026-12-01',
        to: '2026-12-04',
      });
      expect(history.map(s => [s.day, s.summary.score, s.level])).toEqual([
        ['2026-12-01', 75, 'bronze'],
        ['2026-12-02', 100, 'gold'],
        ['2026-12-04', 25, 'bronze'],
      ]);
      expect(history[0]).toEqual({
        entityRef: LEDGER,
        day: '2026-12-01',
        ownerRef: 'group:default/payments',
        level: 'bronze',
        summary: result(LEDGER, '', 75).summary,
        checksDigest: 'a'.repeat(64),
        computedAt: '2026-12-01T23:30:00.000Z',
      });
      expect(
        (
          await store.history(LEDGER, { from: '2026-12-02', to: '2026-12-03' })
        ).map(s => s.day),
      ).toEqual(['2026-12-02']);
    });

    it('stores batches larger than one statement holds', async () => {
      const many = Array.from({ length: 450 }, (_, i) =>
        result(
          `component:default/service-${i}`,
          '2026-12-01T02:00:00.000Z',
          i % 101,
        ),
      );
      await store.saveResults(many);
      expect(
        (await store.getResult('component:default/service-449'))?.summary.score,
      ).toBe(449 % 101);
      expect(
        await store.history('component:default/service-0', {
          from: '2026-12-01',
          to: '2026-12-01',
        }),
      ).toHaveLength(1);
    });

    it('reads the results a group owns, those of given entities, owned standings and trends in few reads', async () => {
      await store.saveResults([
        result(LEDGER, '2026-12-01T02:00:00.000Z', 50),
        result(BILLING, '2026-12-01T02:00:00.000Z', 60, {
          ownerRef: 'group:default/team-intake',
        }),
      ]);
      await store.saveResults([result(LEDGER, '2026-12-03T02:00:00.000Z', 75)]);
      expect(
        (await store.resultsOwnedBy('group:default/payments')).map(
          r => r.entityRef,
        ),
      ).toEqual([LEDGER]);
      expect(
        (
          await store.resultsOf([LEDGER, BILLING, 'component:default/none'])
        ).map(r => [r.entityRef, r.summary.score]),
      ).toEqual([
        [BILLING, 60],
        [LEDGER, 75],
      ]);
      expect(await store.ownedStandings()).toEqual(
        expect.arrayContaining([
          {
            entityRef: LEDGER,
            ownerRef: 'group:default/payments',
            level: 'bronze',
            score: 75,
          },
        ]),
      );
      const trends = await store.trends([LEDGER, BILLING], {
        from: '2026-12-02',
        to: '2026-12-31',
      });
      expect(trends.get(LEDGER)).toEqual([
        { day: '2026-12-03', level: 'bronze', score: 75 },
      ]);
      expect(trends.has(BILLING)).toBe(false);
    });

    it('removes results a full recompute did not reach, keeping their history', async () => {
      await store.saveResults([
        result(LEDGER, '2026-12-01T02:00:00.000Z', 50),
        result(BILLING, '2026-12-01T02:00:00.000Z', 50),
      ]);
      await store.saveResults([result(LEDGER, '2026-12-02T02:00:00.000Z', 75)]);
      expect(
        await store.removeResultsComputedBefore('2026-12-02T01:00:00.000Z'),
      ).toBe(1);
      expect(await store.getResult(BILLING)).toBeUndefined();
      expect(await store.getResult(LEDGER)).toBeDefined();
      expect(
        await store.history(BILLING, { from: '2026-12-01', to: '2026-12-02' }),
      ).toHaveLength(1);
    });
  },
);

describe('utcDay', () => {
  it('is the UTC date of an instant', () => {
    expect(utcDay('2026-12-01T23:59:59.999Z')).toBe('2026-12-01');
    expect(utcDay('2026-12-02T00:30:00+02:00')).toBe('2026-12-01');
  });
});
