import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { contentHash } from '@readiness/store-utils';
import {
  DatabaseFactStore,
  FactPushToStore,
  FactRecord,
} from './DatabaseFactStore';

const databases = createStoreTestDatabases();

const LEDGER = 'component:default/ledger';
const BILLING = 'component:default/billing';

const record = (
  entityRef: string,
  factId: string,
  value: FactRecord['value'],
  observedAt: string,
): FactRecord => ({ entityRef, factId, value, observedAt });

describe.each(databases.eachSupportedId())(
  'DatabaseFactStore on %s',
  databaseId => {
    let store: DatabaseFactStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseFactStore.create({
        database: databaseServiceFor(knex),
      });
      await knex('scorecards_fact_history').delete();
      await knex('scorecards_facts_current').delete();
      await knex('scorecards_fact_pushes').delete();
    });

    const push = (
      idempotencyKey: string,
      facts: FactPushToStore['facts'],
      observedAt?: string,
    ): FactPushToStore => ({
      idempotencyKey,
      entityRef: LEDGER,
      facts,
      ...(observedAt && { observedAt }),
      pushedBy: 'scorecards-publisher',
      contentHash: contentHash({ facts, observedAt: observedAt ?? null }),
    });

    it('keeps facts of every type with their types, and says which entities changed', async () => {
      const result = await store.recordFacts([
        record(LEDGER, 'reliability.slos-met', true, '2026-12-01T10:00:00Z'),
        record(LEDGER, 'api-portal.lint-errors', 3, '2026-12-01T10:00:00Z'),
        record(
          LEDGER,
          'reliability.gate-verdict',
          'pass',
          '2026-12-01T10:00:00Z',
        ),
        record(
          BILLING,
          'reliability.perf-run-newest-at',
          '2026-11-30T22:00:00Z',
          '2026-12-01T10:00:00Z',
        ),
      ]);
      expect(result.changedEntityRefs).toEqual([BILLING, LEDGER]);

      const facts = await store.currentFacts();
      expect(Object.fromEntries(facts)).toEqual({
        [LEDGER]: {
          'reliability.slos-met': {
            value: true,
            observedAt: '2026-12-01T10:00:00.000Z',
          },
          'api-portal.lint-errors': {
            value: 3,
            observedAt: '2026-12-01T10:00:00.000Z',
          },
          'reliability.gate-verdict': {
            value: 'pass',
            observedAt: '2026-12-01T10:00:00.000Z',
          },
        },
        [BILLING]: {
          'reliability.perf-run-newest-at': {
            value: '2026-11-30T22:00:00Z',
            observedAt: '2026-12-01T10:00:00.000Z',
          },
        },
      });
      expect([...(await store.currentFacts([BILLING])).keys()]).toEqual([
        BILLING,
      ]);
    });

    it('adds history only when a value changes, and moves the observation time on', async () => {
      const fact = 'api-portal.lint-errors';
      await store.recordFacts([
        record(LEDGER, fact, 3, '2026-12-01T00:00:00Z'),
      ]);
      const repeat = await store.recordFacts([
        record(LEDGER, fact, 3, '2026-12-02T00:00:00Z'),
      ]);
      expect(repeat.changedEntityRefs).toEqual([]);
      await store.recordFacts([
        record(LEDGER, fact, 0, '2026-12-03T00:00:00Z'),
      ]);

      expect(await store.factHistory(LEDGER, fact)).toEqual([
        { value: 3, validFrom: '2026-12-01T00:00:00.000Z' },
        { value: 0, validFrom: '2026-12-03T00:00:00.000Z' },
      ]);
      expect((await store.currentFacts([LEDGER])).get(LEDGER)).toEqual({
        [fact]: { value: 0, observedAt: '2026-12-03T00:00:00.000Z' },
      });
    });

    it('ignores observations older than the newest one of a fact', async () => {
      const fact = 'reliability.slos-met';
      await store.recordFacts([
        record(LEDGER, fact, true, '2026-12-05T00:00:00Z'),
      ]);
      const late = await store.recordFacts([
        record(LEDGER, fact, false, '2026-12-04T00:00:00Z'),
      ]);
      expect(late.changedEntityRefs).toEqual([]);
      expect(await store.factHistory(LEDGER, fact)).toEqual([
        { value: true, validFrom: '2026-12-05T00:00:00.000Z' },
      ]);
    });

    it('records the changes within one batch in time order', async () => {
      const fact = 'reliability.gate-verdict';
      await store.recordFacts([
        record(LEDGER, fact, 'pass', '2026-12-03T00:00:00Z'),
        record(LEDGER, fact, 'fail', '2026-12-01T00:00:00Z'),
        record(LEDGER, fact, 'fail', '2026-12-02T00:00:00Z'),
      ]);
      expect(await store.factHistory(LEDGER, fact)).toEqual([
        { value: 'fail', validFrom: '2026-12-01T00:00:00.000Z' },
        { value: 'pass', validFrom: '2026-12-03T00:00:00.000Z' },
      ]);
    });

    it('forgets a fact that is no longer known, and keeps that in its history', async () => {
      const fact = 'reliability.slos-declared';
      await store.recordFacts([
        record(LEDGER, fact, 2, '2026-12-01T00:00:00Z'),
      ]);
      const gone = await store.recordFacts([
        record(LEDGER, fact, null, '2026-12-02T00:00:00Z'),
      ]);
      expect(gone.changedEntityRefs).toEqual([LEDGER]);
      expect((await store.currentFacts([LEDGER])).get(LEDGER)).toBeUndefined();
      expect(await store.factHistory(LEDGER, fact)).toEqual([
        { value: 2, validFrom: '2026-12-01T00:00:00.000Z' },
        { value: null, validFrom: '2026-12-02T00:00:00.000Z' },
      ]);
      // never known, then unknown: nothing to record
      const never = await store.recordFacts([
        record(BILLING, fact, null, '2026-12-02T00:00:00Z'),
      ]);
      expect(never.changedEntityRefs).toEqual([]);
      expect(await store.factHistory(BILLING, fact)).toEqual([]);
    });

    it('gives the facts as they were at any past time', async () => {
      await store.recordFacts([
        record(LEDGER, 'api-portal.lint-errors', 5, '2026-12-01T00:00:00Z'),
        record(LEDGER, 'reliability.slos-met', true, '2026-12-01T00:00:00Z'),
        record(BILLING, 'reliability.slos-met', false, '2026-12-02T00:00:00Z'),
      ]);
      await store.recordFacts([
        record(LEDGER, 'api-portal.lint-errors', 0, '2026-12-03T00:00:00Z'),
        record(LEDGER, 'reliability.slos-met', null, '2026-12-04T00:00:00Z'),
      ]);

      const at = async (when: string) =>
        Object.fromEntries(await store.factsAt([LEDGER, BILLING], when));
      expect(await at('2026-11-30T00:00:00Z')).toEqual({});
      expect(await at('2026-12-02T12:00:00Z')).toEqual({
        [LEDGER]: {
          'api-portal.lint-errors': {
            value: 5,
            observedAt: '2026-12-01T00:00:00.000Z',
          },
          'reliability.slos-met': {
            value: true,
            observedAt: '2026-12-01T00:00:00.000Z',
          },
        },
        [BILLING]: {
          'reliability.slos-met': {
            value: false,
            observedAt: '2026-12-02T00:00:00.000Z',
          },
        },
      });
      expect((await at('2026-12-04T00:00:00Z'))[LEDGER]).toEqual({
        'api-portal.lint-errors': {
          value: 0,
          observedAt: '2026-12-03T00:00:00.000Z',
        },
      });
    });

    it('records a change once when the same batch is recorded concurrently', async () => {
      const batch = [
        record(LEDGER, 'reliability.slos-met', true, '2026-12-01T00:00:00Z'),
      ];
      await Promise.all(
        Array.from({ length: 4 }, () => store.recordFacts(batch)),
      );
      expect(await store.factHistory(LEDGER, 'reliability.slos-met')).toEqual([
        { value: true, validFrom: '2026-12-01T00:00:00.000Z' },
      ]);
    });

    it('records and reads thousands of entities in chunks', async () => {
      const refs = Array.from(
        { length: 1200 },
        (_, i) => `component:default/service-${i}`,
      );
      const result = await store.recordFacts(
        refs.flatMap(ref => [
          record(ref, 'catalog.owner-is-group', true, '2026-12-01T00:00:00Z'),
          record(ref, 'api-portal.lint-errors', 1, '2026-12-01T00:00:00Z'),
        ]),
      );
      expect(result.changedEntityRefs).toHaveLength(1200);
      const facts = await store.currentFacts(refs);
      expect(facts.size).toBe(1200);
      expect(facts.get(refs[1199])).toEqual({
        'catalog.owner-is-group': {
          value: true,
          observedAt: '2026-12-01T00:00:00.000Z',
        },
        'api-portal.lint-errors': {
          value: 1,
          observedAt: '2026-12-01T00:00:00.000Z',
        },
      });
      expect((await store.factsAt(refs, '2026-12-02T00:00:00Z')).size).toBe(
        1200,
      );
    });

    it('stores a push once under its key, with its facts in the history', async () => {
      const first = await store.recordPush(
        push(
          'ci-run-41',
          { 'ci.coverage.line': 81.5, 'ci.sbom-published': true },
          '2026-12-01T10:00:00Z',
        ),
      );
      expect(first).toEqual({
        created: true,
        push: {
          id: expect.any(String),
          idempotencyKey: 'ci-run-41',
          entityRef: LEDGER,
          facts: { 'ci.coverage.line': 81.5, 'ci.sbom-published': true },
          observedAt: '2026-12-01T10:00:00.000Z',
          pushedBy: 'scorecards-publisher',
          pushedAt: expect.any(String),
        },
      });
      expect((await store.currentFacts([LEDGER])).get(LEDGER)).toEqual({
        'ci.coverage.line': {
          value: 81.5,
          observedAt: '2026-12-01T10:00:00.000Z',
        },
        'ci.sbom-published': {
          value: true,
          observedAt: '2026-12-01T10:00:00.000Z',
        },
      });

      const again = await store.recordPush(
        push(
          'ci-run-41',
          { 'ci.coverage.line': 81.5, 'ci.sbom-published': true },
          '2026-12-01T10:00:00Z',
        ),
      );
      expect(again).toEqual({ ...first, created: false });

      await store.recordPush(
        push('ci-run-42', { 'ci.coverage.line': 79 }, '2026-12-02T10:00:00Z'),
      );
      expect(await store.factHistory(LEDGER, 'ci.coverage.line')).toEqual([
        { value: 81.5, validFrom: '2026-12-01T10:00:00.000Z' },
        { value: 79, validFrom: '2026-12-02T10:00:00.000Z' },
      ]);
      // what was true when
      expect(
        (await store.factsAt([LEDGER], '2026-12-01T18:00:00Z')).get(LEDGER)?.[
          'ci.coverage.line'
        ]?.value,
      ).toBe(81.5);
    });

    it('refuses a key used for other facts, writing nothing', async () => {
      await store.recordPush(
        push('ci-run-41', { 'ci.coverage.line': 81.5 }, '2026-12-01T10:00:00Z'),
      );
      await expect(
        store.recordPush(
          push('ci-run-41', { 'ci.coverage.line': 60 }, '2026-12-01T10:00:00Z'),
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /^idempotencyKey: ci-run-41 was already used for other facts/,
        ),
      });
      expect(await store.factHistory(LEDGER, 'ci.coverage.line')).toEqual([
        { value: 81.5, validFrom: '2026-12-01T10:00:00.000Z' },
      ]);
    });

    it('stores a push once when it is sent concurrently', async () => {
      const same = push('ci-run-7', { 'ci.mutation-score': 64 });
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => store.recordPush(same)),
      );
      expect(answers.filter(a => a.created)).toHaveLength(1);
      expect(new Set(answers.map(a => a.push.id)).size).toBe(1);
      expect(await store.factHistory(LEDGER, 'ci.mutation-score')).toHaveLength(
        1,
      );
    });

    it('takes the time of storing when a push does not say when its values were true', async () => {
      const before = Date.now();
      const { push: stored } = await store.recordPush(
        push('ci-run-8', { 'ci.container-scan.critical': 0 }),
      );
      expect(stored.observedAt).toBe(stored.pushedAt);
      expect(Date.parse(stored.pushedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('keeps pushed facts through the passes of the providers, which record only their own facts', async () => {
      await store.recordPush(
        push('ci-run-9', { 'ci.coverage.line': 81.5 }, '2026-12-01T10:00:00Z'),
      );
      // a provider's pass: every fact it declares, unknown ones as null
      await store.recordFacts([
        record(LEDGER, 'reliability.slos-met', null, '2026-12-02T02:00:00Z'),
        record(
          LEDGER,
          'reliability.gate-verdict',
          'pass',
          '2026-12-02T02:00:00Z',
        ),
      ]);
      expect((await store.currentFacts([LEDGER])).get(LEDGER)).toEqual({
        'ci.coverage.line': {
          value: 81.5,
          observedAt: '2026-12-01T10:00:00.000Z',
        },
        'reliability.gate-verdict': {
          value: 'pass',
          observedAt: '2026-12-02T02:00:00.000Z',
        },
      });
    });
  },
);
