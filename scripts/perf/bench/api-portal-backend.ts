/*
 * The API portal backend on a catalog of 1,000 API entities over 200
 * distinct definitions (every corpus document, Stripe, OpenAI and Box
 * included, and versions of them; see api-portal/specs.ts):
 *
 * 1. Collection: the first pass (parse, lint in the worker, diffs) and a
 *    second one with nothing changed. Target: the second at least 50× faster.
 * 2. Lint throughput: the portal's lint of the distinct definitions (the
 *    lint phase of the first pass, with its worker pool) against `redocly
 *    lint --format json --config redocly.yaml <file>` spawned once per
 *    definition, one after the other as a CI loop runs it, on the same
 *    definitions. Target: at least 3×. Also reported, without a target: the
 *    time per definition (the portal's recorded lint time, its workers side
 *    by side, against one CLI process's wall time) and its split by size;
 *    BENCH_CLI_CONCURRENCY=N spawns the CLI N at a time instead.
 * 3. The API Portal tab's calls, and the families list of the readiness page,
 *    with everything collected: p50/p95 of 200 sequential calls each,
 *    interleaved, against a trivial route through the same HTTP stack.
 *    Target: every p95 under 50 ms.
 * 4. Peak memory of the process (lint and parse workers are threads of it)
 *    during the first pass, and the largest heap of a worker.
 *
 * The plugin runs in a test backend (startTestBackend) listening on a port,
 * on a fresh PostgreSQL database created and dropped here (`--sqlite` for an
 * in-memory SQLite instead), with an in-process catalog (api-portal/catalog.ts)
 * and the audience permission policy. SDK builds are off.
 *
 * Usage: yarn bench:api-portal. BENCH_ENTITIES, BENCH_SPECS, BENCH_SAMPLES
 * change the sizes; BENCH_CLI_SPECS lints only that many definitions with the
 * CLI (every one over 1 MB, then an even spread of the rest); BENCH_HOLD=1
 * keeps the collected backend listening (after the passes) for profiling;
 * BENCH_FULL_PASSES=1 makes every pass read every definition again;
 * BENCH_CATALOG_COPY=0 makes the catalog hand out shared objects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  audiencePermissionsServiceFactory,
  SAMPLE_CALLERS,
  sampleUserInfoServiceFactory,
} from '@readiness/backend-test-utils';
import sdkPythonModule from '@readiness/plugin-api-portal-backend-module-sdk-python';
import sdkTypeScriptModule from '@readiness/plugin-api-portal-backend-module-sdk-typescript';
import { repositoryPath } from '@readiness/test-corpus';
import { redoclyCliLint } from '../../../plugins/api-portal-backend/src/__testUtils__/redoclyCli';
import knexFactory, { Knex } from 'knex';
import { BenchCatalog, benchCatalogPlugin } from './api-portal/catalog';
import { percentile, postgresClient } from './lib';
import { BenchSpec, buildEntities, buildSpecSet } from './api-portal/specs';
import { countWorkers, takeWorkerStats } from './api-portal/workers';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1000);
const SPECS = Number(process.env.BENCH_SPECS ?? 200);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const CLI_SPECS = process.env.BENCH_CLI_SPECS
  ? Number(process.env.BENCH_CLI_SPECS)
  : undefined;
const SQLITE =
  process.argv.includes('--sqlite') || process.env.BENCH_DATABASE === 'sqlite';
const WARMUP = 20;
const HOLD = Boolean(process.env.BENCH_HOLD);
// Every pass reads every definition, as the collector's periodic full pass does
const FULL_PASSES = Boolean(process.env.BENCH_FULL_PASSES);
// 0: the catalog hands out shared objects instead of JSON copies
const CATALOG_COPY = process.env.BENCH_CATALOG_COPY !== '0';
const DATABASE = `readiness_apiportal_bench_${process.pid}`;
const REDOCLY_CONFIG = repositoryPath('redocly.yaml');
const TARGETS = { unchangedRatio: 50, lintRatio: 3, p95Ms: 50 };

const callers = SAMPLE_CALLERS;

function log(message: string) {
  process.stderr.write(
    `${new Date().toISOString().slice(11, 19)} ${message}\n`,
  );
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function median(values: number[]): number {
  return percentile(values, 50);
}

// Database --------------------------------------------------------------

const admin = () => postgresClient();

async function createDatabase(): Promise<Knex> {
  if (SQLITE) {
    return knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  const client = admin();
  await client.connect();
  await client.query(`create database "${DATABASE}"`);
  await client.end();
  return knexFactory({
    client: 'pg',
    connection: {
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: DATABASE,
    },
  });
}

async function dropDatabase() {
  if (SQLITE) return;
  const client = admin();
  await client.connect();
  await client.query(`drop database if exists "${DATABASE}" with (force)`);
  await client.end();
}

// Services of the test backend ------------------------------------------

/** Keeps the scheduled collection task so that the bench runs it when it wants. */
function captureScheduler(taskId: string) {
  let task:
    | (SchedulerServiceTaskScheduleDefinition & {
        fn: (signal: AbortSignal) => Promise<void>;
      })
    | undefined;
  const scheduler: SchedulerService = {
    async scheduleTask(definition) {
      if (definition.id === taskId) {
        task = definition as typeof task;
      }
    },
    async triggerTask() {},
    async cancelTask() {},
    createScheduledTaskRunner() {
      return { run: async () => {} };
    },
    async getScheduledTasks() {
      return [];
    },
  };
  return {
    factory: createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => scheduler,
    }),
    async collect() {
      if (!task) throw new Error('the collection task was not scheduled');
      await task.fn(new AbortController().signal);
    },
  };
}

/** Quiet logging that keeps the collection reports and counts warnings. */
function captureLogger() {
  const state = { reports: [] as string[], warnings: 0, errors: 0 };
  const logger: LoggerService = {
    error(message) {
      state.errors += 1;
      if (state.errors <= 5) log(`backend error: ${message.slice(0, 300)}`);
    },
    warn() {
      state.warnings += 1;
    },
    info(message) {
      if (message.startsWith('Collected ')) state.reports.push(message);
    },
    debug() {},
    child: () => logger,
  };
  return {
    state,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger,
    }),
  };
}

/** User info with the sample org's group memberships, as sign-in resolves them. */

// Measurements ----------------------------------------------------------

/** Samples the process's RSS while a phase runs. */
function sampleMemory() {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return { sampledPeakRssMb: mb(peakRss), sampledPeakHeapMb: mb(peakHeap) };
    },
  };
}

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function tableCounts(knex: Knex) {
  const count = async (table: string) =>
    Number(
      (
        (await knex(table).count({ n: '*' })) as Array<{ n: number | string }>
      )[0].n,
    );
  return {
    revisions: await count('api_spec_revisions'),
    contents: await count('api_spec_contents'),
    diffs: await count('api_spec_diffs'),
    changelog: await count('api_changelog'),
    lintResults: await count('api_lint_results'),
    lintProblems: await count('api_lint_problems'),
  };
}

type LintRow = {
  content_hash: string;
  status: string;
  errors: number;
  warnings: number;
  duration_ms: number;
};

/** `redocly lint --format json` on one file: wall time and totals. */
async function cliLint(file: string) {
  const { ms, report } = await redoclyCliLint(file);
  return { ms, totals: report?.totals };
}

/** The definitions the CLI lints: all, or the large ones and an even spread. */
function cliSample(specs: BenchSpec[]): BenchSpec[] {
  if (CLI_SPECS === undefined || CLI_SPECS >= specs.length) return specs;
  const large = specs.filter(s => s.bytes > 1_000_000);
  const rest = specs.filter(s => s.bytes <= 1_000_000);
  const wanted = Math.max(0, CLI_SPECS - large.length);
  const step = rest.length / Math.max(1, wanted);
  const picked = Array.from(
    { length: Math.min(wanted, rest.length) },
    (_, i) => rest[Math.floor(i * step)],
  );
  return [...large, ...picked];
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => lane()));
}

// The benchmark ---------------------------------------------------------

async function main() {
  countWorkers();
  // Loaded after the Worker wrapper, so every worker the plugin starts is counted
  const { apiPortalPlugin, COLLECTION_TASK_ID } =
    require('../../../plugins/api-portal-backend/src/plugin') as typeof import('../../../plugins/api-portal-backend/src/plugin');

  log(`building ${SPECS} definitions and ${ENTITIES} API entities`);
  const specs = buildSpecSet(SPECS);
  const apis = buildEntities(specs, ENTITIES);
  const baselineEntity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ledger', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-finance' },
  };
  const catalog = new BenchCatalog(
    [...apis.map(a => a.entity), baselineEntity],
    { copy: CATALOG_COPY },
  );
  const distinctBytes = specs.reduce((sum, s) => sum + s.bytes, 0);
  const catalogBytes = apis.reduce((sum, a) => sum + a.spec.bytes, 0);

  log(SQLITE ? 'database: in-memory SQLite' : `database: ${DATABASE}`);
  const knex = await createDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-portal-'));
  let backend: { stop(): Promise<void> } | undefined;
  const cleanUp = async () => {
    await backend?.stop().catch(() => {});
    await knex.destroy().catch(() => {});
    await dropDatabase().catch(error => log(`drop failed: ${error}`));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const scheduler = captureScheduler(COLLECTION_TASK_ID);
    const logger = captureLogger();
    const started = await startTestBackend({
      features: [
        apiPortalPlugin,
        // The SDK languages the portal's backend offers (packages/backend)
        sdkTypeScriptModule,
        sdkPythonModule,
        benchCatalogPlugin,
        catalog.factory(),
        audiencePermissionsServiceFactory(),
        sampleUserInfoServiceFactory(),
        scheduler.factory,
        logger.factory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.bench' },
            apiPortal: {
              // SDK builds (child processes) would compete with the timed passes
              sdk: { buildAfterCollection: false },
              ...(FULL_PASSES && {
                collection: { fullPassEvery: { milliseconds: 0 } },
              }),
              lint: { configPath: REDOCLY_CONFIG },
            },
          },
        }),
      ],
    });
    backend = started;
    const base = `http://localhost:${started.server.port()}/api`;

    // The CLI baseline runs in two halves (alternate definitions), before
    // the first pass and after it, so that both sides see the machine's
    // load of the same minutes; one at a time, as a CI loop spawns it
    const concurrency = Number(process.env.BENCH_CLI_CONCURRENCY ?? 1);
    const cliSet = cliSample(specs);
    const cliRuns = new Map<
      string,
      { ms: number; totals?: { errors: number; warnings: number } }
    >();
    const runCli = async (set: BenchSpec[]) => {
      const t = performance.now();
      await eachConcurrently(set, concurrency, async spec => {
        const file = path.join(dir, `${spec.contentHash}.${spec.syntax}`);
        fs.writeFileSync(file, spec.text);
        cliRuns.set(spec.contentHash, await cliLint(file));
        fs.rmSync(file);
      });
      return performance.now() - t;
    };
    log(
      `lint: redocly lint spawned for ${Math.ceil(
        cliSet.length / 2,
      )} definitions, ${concurrency} at a time (first half)`,
    );
    const cliMsBefore = await runCli(cliSet.filter((_, i) => i % 2 === 0));

    // 1. Collection -------------------------------------------------------
    let lintStartedAt: number | undefined;
    const onQuery = (query: { sql?: string }) => {
      // The linter's pending query opens the lint phase of a pass
      if (
        lintStartedAt === undefined &&
        /api_lint_results/.test(query.sql ?? '') &&
        /distinct/i.test(query.sql ?? '')
      ) {
        lintStartedAt = performance.now();
      }
    };
    knex.on('query', onQuery);
    log(
      `first pass: ${ENTITIES} entities, ${
        specs.length
      } distinct definitions (${mb(distinctBytes)} MB; ${mb(
        catalogBytes,
      )} MB over all entities)`,
    );
    takeWorkerStats();
    const beforeFirst = process.memoryUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const memory = sampleMemory();
    const firstStarted = performance.now();
    catalog.queryMs = 0;
    await scheduler.collect();
    const firstMs = performance.now() - firstStarted;
    const firstMemory = memory.stop();
    loopDelay.disable();
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    // The last worker's exit comes after the pass resolved
    await new Promise(r => setTimeout(r, 1000));
    const firstWorkers = takeWorkerStats();
    const firstCatalogMs = catalog.queryMs;
    const firstCatalogLongestMs = catalog.longestCallMs;
    knex.off('query', onQuery);
    const lintPhaseMs =
      lintStartedAt === undefined
        ? undefined
        : firstStarted + firstMs - lintStartedAt;
    const firstReport = logger.state.reports.at(-1);
    log(`first pass: ${Math.round(firstMs)} ms (${firstReport})`);
    const afterFirst = await tableCounts(knex);
    const statuses = await knex('api_spec_revisions')
      .select('status', 'format')
      .count<Array<{ status: string; format: string; n: number | string }>>({
        n: '*',
      })
      .groupBy('status', 'format');

    log('second passes, nothing changed');
    const unchanged: number[] = [];
    const unchangedCatalogMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      catalog.queryMs = 0;
      unchanged.push(await timedMs(() => scheduler.collect()));
      unchangedCatalogMs.push(catalog.queryMs);
    }
    catalog.setCopy(false);
    const unchangedShared: number[] = [];
    for (let i = 0; i < 3; i++) {
      unchangedShared.push(await timedMs(() => scheduler.collect()));
    }
    catalog.setCopy(CATALOG_COPY);
    await new Promise(r => setTimeout(r, 1000));
    const secondWorkers = takeWorkerStats();
    const afterSecond = await tableCounts(knex);
    const secondMs = median(unchanged);
    const unchangedRatio = firstMs / secondMs;
    const wroteNothing =
      JSON.stringify(afterFirst) === JSON.stringify(afterSecond);
    log(
      `unchanged pass: ${Math.round(secondMs)} ms (${round(unchangedRatio)}×)`,
    );

    // 3. Tab calls (before the CLI runs, on a quiet machine) ---------------
    if (!SQLITE) await knex.raw('analyze');
    const families = new Map<string, typeof apis>();
    for (const a of apis) {
      families.set(a.family, [...(families.get(a.family) ?? []), a]);
    }
    const familyBytes = (members: typeof apis) =>
      members.reduce((sum, a) => sum + a.spec.bytes, 0);
    const byVersions = [...families.entries()]
      .filter(([, members]) => !members[0].partner)
      .sort(
        ([, a], [, b]) =>
          b.length - a.length || familyBytes(b) - familyBytes(a),
      );
    const targets = new Map<string, typeof apis>();
    targets.set(byVersions[0][0], byVersions[0][1]);
    const stripe = byVersions.find(([name]) => name === 'stripe');
    if (stripe) targets.set(stripe[0], stripe[1]);
    const getJson = async (url: string, caller = callers.internal) => {
      const response = await fetch(url, { headers: { Authorization: caller } });
      if (!response.ok) {
        throw new Error(`${url}: ${response.status} ${await response.text()}`);
      }
      return response.json();
    };
    const calls: Record<string, { url: string; caller: string }> = {
      'baseline.catalogByName': {
        url: `${base}/bench-catalog/entities/by-name/component/default/ledger`,
        caller: callers.internal,
      },
      'readiness.listFamilies': {
        url: `${base}/api-portal/v1/families`,
        caller: callers.internal,
      },
    };
    const tab: Record<string, unknown> = {};
    for (const [family, members] of targets) {
      const newest = [...members].sort(
        (a, b) => b.spec.version - a.spec.version,
      )[0];
      const name = newest.entity.metadata.name;
      const entityPath = `${base}/api-portal/v1/entities/api/default/${name}`;
      const revisions = await getJson(`${entityPath}/revisions`);
      const revision = revisions.items[0];
      const lint = await getJson(
        `${base}/api-portal/v1/revisions/${revision.id}/lint`,
      );
      tab[family] = {
        entity: name,
        versions: members.length,
        definitionBytes: newest.spec.bytes,
        lintProblems: lint.totals,
      };
      const prefix = `tab[${family}]`;
      calls[`${prefix}.getFamily`] = {
        url: `${base}/api-portal/v1/families/${family}`,
        caller: callers.internal,
      };
      calls[`${prefix}.familyChangelog`] = {
        url: `${base}/api-portal/v1/families/${family}/changelog?limit=50`,
        caller: callers.internal,
      };
      calls[`${prefix}.revisionLint`] = {
        url: `${base}/api-portal/v1/revisions/${revision.id}/lint`,
        caller: callers.internal,
      };
      calls[`${prefix}.entitySdks`] = {
        url: `${entityPath}/sdks`,
        caller: callers.internal,
      };
      calls[`${prefix}.entityRevisions`] = {
        url: `${entityPath}/revisions`,
        caller: callers.internal,
      };
    }
    // Partners see partner-facing entities only: each candidate is authorized
    calls['partner.listFamilies'] = {
      url: `${base}/api-portal/v1/families`,
      caller: callers.partner,
    };
    for (const { url, caller } of Object.values(calls)) {
      await getJson(url, caller);
    }
    if (HOLD) {
      log(
        `holding the backend at ${base} (Authorization: ${callers.internal}); Ctrl-C to stop`,
      );
      await new Promise(() => {});
    }
    log(
      `latency: ${SAMPLES} sequential calls of ${
        Object.keys(calls).length
      } routes, interleaved`,
    );
    // The SQL each call runs: queries and the time they took, per call
    const sql = { count: 0, ms: 0, open: new Map<string, number>() };
    const onSqlStart = (q: { __knexQueryUid?: string }) => {
      if (q.__knexQueryUid) sql.open.set(q.__knexQueryUid, performance.now());
    };
    const onSqlEnd = (_r: unknown, q: { __knexQueryUid?: string }) => {
      const start = q.__knexQueryUid && sql.open.get(q.__knexQueryUid);
      if (!start) return;
      sql.open.delete(q.__knexQueryUid!);
      sql.count += 1;
      sql.ms += performance.now() - start;
    };
    knex.on('query', onSqlStart).on('query-response', onSqlEnd);
    const sqlOf: Record<string, Array<{ count: number; ms: number }>> = {};
    const timedCall = async (url: string, caller: string, key?: string) => {
      sql.count = 0;
      sql.ms = 0;
      const t = performance.now();
      const response = await fetch(url, { headers: { Authorization: caller } });
      await response.arrayBuffer();
      const ms = performance.now() - t;
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      if (key) (sqlOf[key] ??= []).push({ count: sql.count, ms: sql.ms });
      return ms;
    };
    const samples: Record<string, number[]> = Object.fromEntries(
      Object.keys(calls).map(k => [k, []]),
    );
    for (let i = 0; i < WARMUP; i++) {
      for (const { url, caller } of Object.values(calls)) {
        await timedCall(url, caller);
      }
    }
    for (let i = 0; i < SAMPLES; i++) {
      for (const [key, { url, caller }] of Object.entries(calls)) {
        samples[key].push(await timedCall(url, caller, key));
      }
    }
    knex.off('query', onSqlStart).off('query-response', onSqlEnd);
    const baselineP95 = percentile(samples['baseline.catalogByName'], 95);
    const latency = Object.fromEntries(
      Object.entries(samples).map(([key, values]) => [
        key,
        {
          p50: round(percentile(values, 50), 2),
          p95: round(percentile(values, 95), 2),
          ratioToBaselineP95: round(percentile(values, 95) / baselineP95, 2),
          sqlQueries: sqlOf[key]?.[0]?.count ?? 0,
          sqlMsP50: round(median((sqlOf[key] ?? []).map(q => q.ms)) ?? 0, 2),
        },
      ]),
    );
    // The target covers the tab's calls and the readiness page's list
    const latencyMisses = Object.entries(latency)
      .filter(
        ([key, l]) =>
          (key.startsWith('tab[') || key === 'readiness.listFamilies') &&
          l.p95 >= TARGETS.p95Ms,
      )
      .map(([key]) => key);

    // 2. Lint throughput ---------------------------------------------------
    const lintRows: LintRow[] = await knex('api_lint_results').select(
      'content_hash',
      'status',
      'errors',
      'warnings',
      'duration_ms',
    );
    const linted = new Map(lintRows.map(r => [r.content_hash, r]));
    const lintable = specs.filter(s => linted.has(s.contentHash));
    log(
      `lint: redocly lint spawned for ${Math.floor(
        cliSet.length / 2,
      )} definitions, ${concurrency} at a time (second half)`,
    );
    const cliMsAfter = await runCli(cliSet.filter((_, i) => i % 2 === 1));
    const cliMs = cliMsBefore + cliMsAfter;
    const compared = cliSet.filter(spec => linted.has(spec.contentHash));
    let cliFailures = 0;
    let agreeing = 0;
    for (const spec of compared) {
      const portal = linted.get(spec.contentHash)!;
      const totals = cliRuns.get(spec.contentHash)?.totals;
      if (!totals) cliFailures += 1;
      else if (
        totals.errors === Number(portal.errors) &&
        totals.warnings === Number(portal.warnings)
      ) {
        agreeing += 1;
      }
    }
    const durationsMs = compared.reduce(
      (sum, s) => sum + Number(linted.get(s.contentHash)!.duration_ms),
      0,
    );
    // The lint phase of the first pass when every linted text is compared;
    // for a sample, the recorded durations spread over the portal's workers
    const portalMs =
      lintPhaseMs !== undefined &&
      compared.length === lintable.length &&
      compared.length === cliSet.length
        ? lintPhaseMs
        : durationsMs / Math.max(1, firstWorkers.maxConcurrentLints);
    const portalRate = compared.length / (portalMs / 1000);
    const cliRate = cliSet.length / (cliMs / 1000);
    const lintRatio = portalRate / cliRate;
    // Time per definition: each CLI process's wall time against the
    // portal's recorded lint time for the same definition
    const cliWorkMs = compared.reduce(
      (sum, spec) => sum + (cliRuns.get(spec.contentHash)?.ms ?? 0),
      0,
    );
    const workRatio = durationsMs > 0 ? cliWorkMs / durationsMs : undefined;
    const biggest = [...compared].sort((a, b) => b.bytes - a.bytes)[0];
    // Per-definition times by size: where the portal gains and where both
    // sides wait for openapi-core alike
    const sizeClasses: Array<[string, (bytes: number) => boolean]> = [
      ['under 5 kB', b => b < 5_000],
      ['5 kB to 1 MB', b => b >= 5_000 && b <= 1_000_000],
      ['over 1 MB', b => b > 1_000_000],
    ];
    const bySize = Object.fromEntries(
      sizeClasses.map(([name, within]) => {
        const members = compared.filter(spec => within(spec.bytes));
        const portalSum = members.reduce(
          (sum, spec) =>
            sum + Number(linted.get(spec.contentHash)!.duration_ms),
          0,
        );
        const cliSum = members.reduce(
          (sum, spec) => sum + (cliRuns.get(spec.contentHash)?.ms ?? 0),
          0,
        );
        return [
          name,
          {
            definitions: members.length,
            portalMs: Math.round(portalSum),
            cliMs: Math.round(cliSum),
            ratio: portalSum > 0 ? round(cliSum / portalSum, 2) : undefined,
          },
        ];
      }),
    );
    // Definitions of a few kB: their lint time is what each lint costs anyway
    const tiny = compared.filter(spec => spec.bytes < 5_000);
    const perDefinition = (ms: (spec: BenchSpec) => number) =>
      tiny.length > 0 ? Math.round(median(tiny.map(ms))) : undefined;
    const lintStatuses: Record<string, number> = {};
    for (const r of lintRows) {
      lintStatuses[r.status] = (lintStatuses[r.status] ?? 0) + 1;
    }

    const passed = {
      unchangedPass: unchangedRatio >= TARGETS.unchangedRatio && wroteNothing,
      lintThroughput: lintRatio >= TARGETS.lintRatio,
      tabLatency: latencyMisses.length === 0,
    };
    const report = {
      benchmark: 'api-portal-backend',
      database: SQLITE ? 'sqlite (in memory)' : 'postgresql',
      catalog: `in-process mock (scripts/perf/bench/api-portal/catalog.ts): pages in name order, ${
        CATALOG_COPY
          ? 'each answer a JSON copy as over HTTP'
          : 'shared objects (BENCH_CATALOG_COPY=0)'
      }`,
      machine: {
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map(l => round(l, 2)),
      },
      corpus: {
        entities: apis.length,
        distinctDefinitions: specs.length,
        documents: new Set(specs.map(s => s.document)).size,
        families: families.size,
        distinctMb: mb(distinctBytes),
        catalogDefinitionMb: mb(catalogBytes),
        largest: [...specs]
          .sort((a, b) => b.bytes - a.bytes)
          .filter(s => s.version === 0)
          .slice(0, 5)
          .map(s => `${s.document} (${round(s.bytes / 1e6)} MB)`),
      },
      collection: {
        firstPassMs: Math.round(firstMs),
        firstPass: {
          report: firstReport,
          lintPhaseMs: lintPhaseMs && Math.round(lintPhaseMs),
          eventLoopDelayMs: {
            p50: round(loopDelay.percentile(50) / 1e6),
            p99: round(loopDelay.percentile(99) / 1e6),
            max: round(loopDelay.max / 1e6),
          },
          catalogMs: Math.round(firstCatalogMs),
          catalogLongestCallMs: Math.round(firstCatalogLongestMs),
          workers: firstWorkers,
          stored: afterFirst,
          revisionStatuses: Object.fromEntries(
            statuses.map(s => [`${s.status} ${s.format}`, Number(s.n)]),
          ),
          backendWarnings: logger.state.warnings,
          backendErrors: logger.state.errors,
        },
        unchangedPassKind: FULL_PASSES
          ? 'full: every definition read again (BENCH_FULL_PASSES)'
          : 'as scheduled (definitions read only where the catalog etag changed, where the plugin does so)',
        unchangedPassMs: Math.round(secondMs),
        unchangedPassesMs: unchanged.map(n => Math.round(n)),
        unchangedCatalogMs: unchangedCatalogMs.map(n => Math.round(n)),
        unchangedPassesSharedObjectsMs: unchangedShared.map(n => Math.round(n)),
        unchangedWorkers: secondWorkers,
        unchangedWroteNothing: wroteNothing,
        ratio: round(unchangedRatio),
        target: `first / unchanged ≥ ${TARGETS.unchangedRatio}, nothing written`,
      },
      lint: {
        definitions: compared.length,
        of: lintable.length,
        concurrency,
        portalMaxConcurrentLints: firstWorkers.maxConcurrentLints,
        portal: {
          ms: Math.round(portalMs),
          specsPerSecond: round(portalRate, 2),
          measuredAs:
            portalMs === lintPhaseMs
              ? 'the lint phase of the first pass: pending query, text read, worker lint, results and problems written'
              : 'durations recorded by the linter in the first pass, divided by the concurrency',
          recordedDurationsMs: durationsMs,
          statuses: lintStatuses,
        },
        cli: {
          ms: Math.round(cliMs),
          halvesMs: [Math.round(cliMsBefore), Math.round(cliMsAfter)],
          when: 'half of the definitions before the first pass, half after it',
          specsPerSecond: round(cliRate, 2),
          command:
            'node @redocly/cli lint --format json --max-problems 100000 --config redocly.yaml <file>',
          failures: cliFailures,
        },
        sameTotals: `${agreeing} of ${compared.length - cliFailures}`,
        largest: biggest && {
          document: biggest.document,
          portalMs: Number(linted.get(biggest.contentHash)!.duration_ms),
          cliMs: Math.round(cliRuns.get(biggest.contentHash)?.ms ?? 0),
        },
        perDefinitionWork: {
          portalMs: Math.round(durationsMs),
          cliMs: Math.round(cliWorkMs),
          ratio: workRatio === undefined ? undefined : round(workRatio, 2),
          meaning:
            "time per definition: the portal's recorded lint time (its workers linting side by side on the shared CPUs) against the wall time of one CLI process (one at a time); reported, no target",
        },
        perDefinitionBySize: bySize,
        perTinyDefinitionMs: {
          definitions: tiny.length,
          portal: perDefinition(spec =>
            Number(linted.get(spec.contentHash)!.duration_ms),
          ),
          cli: perDefinition(spec => cliRuns.get(spec.contentHash)?.ms ?? 0),
        },
        ratio: round(lintRatio, 2),
        target: `portal / CLI ≥ ${TARGETS.lintRatio}`,
      },
      latency: {
        samples: SAMPLES,
        tab,
        calls: latency,
        baseline:
          'baseline.catalogByName: a bench route reading the catalog by name through the same HTTP stack, auth and permissions',
        target: `every tab call and readiness.listFamilies p95 < ${TARGETS.p95Ms} ms (partner.* reported only)`,
        misses: latencyMisses,
      },
      memory: {
        firstPass: {
          before: {
            rssMb: mb(beforeFirst.rss),
            heapMb: mb(beforeFirst.heapUsed),
          },
          ...firstMemory,
          maxRssMb,
          note: 'RSS of the bench process: the backend, its parse and lint worker threads, the catalog mock and the definitions it holds (PostgreSQL not included)',
          workerPeakHeapMb: firstWorkers.peakHeapMb,
        },
      },
      passed,
      allPassed: Object.values(passed).every(Boolean),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.allPassed ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(),
  error => {
    log(String(error?.stack ?? error));
    process.exit(1);
  },
);
