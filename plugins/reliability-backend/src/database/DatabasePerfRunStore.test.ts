import fs from 'node:fs';
import path from 'node:path';
import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import {
  PerfResults,
  PerfRunMetadata,
  readK6Summary,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from './DatabasePerfRunStore';
import { corpusPath } from '@readiness/test-corpus';
import { isTransientDatabaseError } from '@readiness/store-utils';

const corpus = corpusPath('k6');
const legacy = readK6Summary(
  JSON.parse(
    fs.readFileSync(
      path.join(corpus, 'xyz-finance-legacy/k6-results.json'),
      'utf8',
    ),
  ),
);
const handleSummary = readK6Summary(
  JSON.parse(
    fs.readFileSync(path.join(corpus, 'petro-transfers/results.json'), 'utf8'),
  ),
);

function metadata(overrides: Partial<PerfRunMetadata> = {}): PerfRunMetadata {
  return {
    entityRef: 'component:default/ledger',
    scenario: 'ledger-post',
    environment: 'staging',
    release: '2026.11.2',
    gitSha: 'a1b2c3d4e5',
    startedAt: '2026-11-20T02:00:00.000Z',
    finishedAt: '2026-11-20T02:05:00.000Z',
    k6ExitCode: 0,
    idempotencyKey: 'ci-run-1',
    ...overrides,
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabasePerfRunStore on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await DatabasePerfRunStore.create({
        database: databaseServiceFor(knex),
      });
      return { knex, store };
    }

    it('stores a run with its metrics and reads it back', async () => {
      const { knex, store } = await setup();
      const { run, created } = await store.addRun(metadata(), legacy);
      expect(created).toBe(true);
      expect(run).toMatchObject({
        ...metadata(),
        format: 'k6-summary-export',
        thresholdsPassed: false,
      });
      expect(run.results).toEqual(legacy);
      await expect(store.getRun(run.id)).resolves.toEqual(run);

      const rows = await knex('perf_run_metrics').where({ run_id: run.id });
      expect(rows).toHaveLength(legacy.metrics.length);
      const failed = rows.find(r => r.metric_key === 'http_req_failed');
      expect(Number(failed.rate)).toBeCloseTo(0.1669, 4);
      expect(Number(failed.count)).toBe(1272 + 6349);
      const duration = rows.find(r => r.metric_key === 'http_req_duration');
      expect(Number(duration.p95)).toBeCloseTo(44.631, 3);
    });

    it('reads every run with its results when they do not fit the results cache', async () => {
      const knex = await databases.init(databaseId);
      // Smaller than any one run's results: nothing can be kept parsed
      const store = await DatabasePerfRunStore.create({
        database: databaseServiceFor(knex),
        resultsCacheBytes: 100,
      });
      for (const [i, results] of [legacy, handleSummary, legacy].entries()) {
        await store.addRun(
          metadata({
            idempotencyKey: `ci-run-${i}`,
            startedAt: `2026-11-2${i}T02:00:00.000Z`,
            finishedAt: `2026-11-2${i}T02:05:00.000Z`,
          }),
          results,
        );
      }
      const runs = await store.runsSince(
        'component:default/ledger',
        '2026-11-01T00:00:00.000Z',
        10,
      );
      expect(runs).toHaveLength(3);
      expect(runs.every(run => run.results.metrics.length > 0)).toBe(true);
      await expect(store.getRun(runs[2].id)).resolves.toMatchObject({
        id: runs[2].id,
        results: { format: runs[2].results.format },
      });
    });

    it('applies k6 exit code 99 to the threshold outcome', async () => {
      const { store } = await setup();
      const { run } = await store.addRun(metadata({ k6ExitCode: 99 }), {
        ...handleSummary,
        thresholds: handleSummary.thresholds.map(t => ({ ...t, passed: true })),
        thresholdsPassed: true,
      });
      expect(run.thresholdsPassed).toBe(false);

      const none: PerfResults = {
        ...handleSummary,
        thresholds: [],
        thresholdsPassed: undefined,
      };
      const { run: unknown } = await store.addRun(
        metadata({ idempotencyKey: 'ci-run-2' }),
        none,
      );
      expect(unknown.thresholdsPassed).toBeUndefined();
    });

    it('treats a retry with the same key and content as the same run', async () => {
      const { knex, store } = await setup();
      const first = await store.addRun(metadata(), legacy);
      const again = await store.addRun(metadata(), structuredClone(legacy));
      expect(again).toEqual({ run: first.run, created: false });
      await expect(knex('perf_runs').count({ n: '*' })).resolves.toEqual([
        { n: expect.anything() },
      ]);
      const [{ n }] = await knex('perf_runs').count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('stores concurrent publications of one key once', async () => {
      const { knex, store } = await setup();
      const results = await Promise.all([
        store.addRun(metadata(), legacy),
        store.addRun(metadata(), legacy),
        store.addRun(metadata(), legacy),
      ]);
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.run.id)).size).toBe(1);
      const [{ n }] = await knex('perf_runs').count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('refuses the same key with different content, keeping the first run', async () => {
      const { store } = await setup();
      const first = await store.addRun(metadata(), legacy);
      await expect(
        store.addRun(metadata(), handleSummary),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          'idempotencyKey ci-run-1 was already used',
        ),
      });
      await expect(store.getRun(first.run.id)).resolves.toEqual(first.run);
    });

    it('stores nothing of a run that fails half-way', async () => {
      const { knex, store } = await setup();
      // Two metrics with one key violate the metrics table's primary key
      const broken: PerfResults = {
        ...legacy,
        metrics: [legacy.metrics[0], legacy.metrics[0]],
      };
      await expect(store.addRun(metadata(), broken)).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
      const [{ n: runs }] = await knex('perf_runs').count({ n: '*' });
      const [{ n: metrics }] = await knex('perf_run_metrics').count({ n: '*' });
      expect(Number(runs)).toBe(0);
      expect(Number(metrics)).toBe(0);
    });

    it('lists runs newest first, page by page, with filters', async () => {
      const { store } = await setup();
      for (let i = 0; i < 25; i++) {
        await store.addRun(
          metadata({
            idempotencyKey: `run-${i}`,
            environment: i % 5 === 0 ? 'production' : 'staging',
            // Pairs of runs share a start time, so the id breaks ties
            startedAt: new Date(
              Date.UTC(2026, 10, 1, 0, Math.floor(i / 2)),
            ).toISOString(),
            finishedAt: new Date(Date.UTC(2026, 10, 1, 1, 0)).toISOString(),
          }),
          handleSummary,
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listRuns(
          { entityRef: 'Component:default/Ledger' },
          { cursor, limit: 10 },
        );
        seen.push(...page.items.map(r => r.idempotencyKey));
        cursor = page.nextCursor;
        pages += 1;
        expect(page.items.every(r => !('results' in r))).toBe(true);
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect(seen[0]).toMatch(/^run-2[34]$/);

      const production = await store.listRuns({
        entityRef: 'component:default/ledger',
        environment: 'production',
      });
      expect(production.items.map(r => r.idempotencyKey)).toEqual([
        'run-20',
        'run-15',
        'run-10',
        'run-5',
        'run-0',
      ]);
      expect(production.nextCursor).toBeUndefined();
      await expect(
        store.listRuns({ entityRef: 'component:default/ocr' }),
      ).resolves.toEqual({ items: [] });
    });

    it('refuses a bad cursor or page size', async () => {
      const { store } = await setup();
      await expect(
        store.listRuns(
          { entityRef: 'component:default/ledger' },
          { cursor: 'nope' },
        ),
      ).rejects.toMatchObject({ name: 'InputError' });
      await expect(
        store.listRuns(
          { entityRef: 'component:default/ledger' },
          { limit: 101 },
        ),
      ).rejects.toMatchObject({ name: 'InputError' });
    });

    if (databaseId === 'POSTGRES_15') {
      it('stores every publication once while the database drops its connections', async () => {
        const { knex, store } = await setup();
        const keys = Array.from({ length: 12 }, (_, i) => `dropped-${i}`);
        const publish = (wanted: string[]) =>
          Promise.allSettled(
            wanted.map(key =>
              store.addRun(metadata({ idempotencyKey: key }), legacy),
            ),
          );
        const {
          rows: [{ name }],
        } = await knex.raw('select current_database() as name');
        let publishing = true;
        let terminations = 0;
        // As an operator dropping the portal's connections during a burst
        const terminate = async () => {
          while (publishing) {
            await knex.raw(
              'select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
              [name],
            );
            terminations += 1;
            await new Promise(resolve => setTimeout(resolve, 20));
          }
        };
        const [first] = await Promise.all([
          publish(keys).finally(() => {
            publishing = false;
          }),
          terminate(),
        ]);
        expect(terminations).toBeGreaterThan(0);
        // What the store could not retry away is transient, for the client to send again
        const failed = keys.filter((_, i) => first[i].status === 'rejected');
        const reasons = first.flatMap(outcome =>
          outcome.status === 'rejected' ? [outcome.reason] : [],
        );
        expect(reasons.filter(r => !isTransientDatabaseError(r))).toEqual([]);
        const again = await publish(failed);
        expect(again.map(outcome => outcome.status)).not.toContain('rejected');

        const stored = await knex('perf_runs')
          .whereIn('idempotency_key', keys)
          .select('id', 'idempotency_key');
        expect(stored.map(row => row.idempotency_key).sort()).toEqual(
          [...keys].sort(),
        );
        const [{ n }] = await knex('perf_run_metrics')
          .whereIn(
            'run_id',
            stored.map(row => row.id),
          )
          .count({ n: '*' });
        expect(Number(n)).toBe(keys.length * legacy.metrics.length);
        const [series] = await knex('perf_series').where({
          entity_ref: 'component:default/ledger',
          scenario: 'ledger-post',
        });
        expect(Number(series.runs)).toBe(keys.length);
      });
    }

    it('migrates down and up again with rows in the tables', async () => {
      const { knex, store } = await setup();
      await store.addRun(metadata(), legacy);
      const directory = path.resolve(__dirname, '../../migrations');
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('perf_runs')).toBe(false);
      expect(await knex.schema.hasTable('perf_run_metrics')).toBe(false);
      expect(await knex.schema.hasTable('gate_verdicts')).toBe(false);
      expect(await knex.schema.hasTable('perf_baselines')).toBe(false);
      expect(await knex.schema.hasTable('dr_drills')).toBe(false);
      expect(await knex.schema.hasTable('dr_drill_entities')).toBe(false);
      expect(await knex.schema.hasTable('backup_verifications')).toBe(false);
      expect(await knex.schema.hasTable('perf_series')).toBe(false);
      await knex.migrate.latest({ directory });
      const again = await DatabasePerfRunStore.create({
        database: databaseServiceFor(knex),
      });
      const { created, run } = await again.addRun(metadata(), legacy);
      expect(created).toBe(true);
      expect(await knex.schema.hasTable('gate_verdicts')).toBe(true);
      expect(await knex.schema.hasTable('backup_verifications')).toBe(true);
      // Pins cascade with their run
      await again.pinBaseline(run, 'user:default/guest');
      await expect(again.pinnedBaseline(run)).resolves.toMatchObject({
        pinnedBy: 'user:default/guest',
      });
      await knex('perf_runs').where({ id: run.id }).delete();
      await expect(again.pinnedBaseline(run)).resolves.toBeUndefined();
    });
  },
);
