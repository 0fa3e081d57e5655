/*
 * The reliability backend under load, against the catalog in the same backend:
 *
 * 1. Summary ingestion: sustained requests per second publishing k6 summaries
 *    (autocannon, unique idempotency keys), against `GET
 *    /api/catalog/entities/by-name/...` measured the same way in the same run.
 *    This phase stores the 10,000 runs the next one reads.
 * 2. Entity tab and gate calls with 10,000 stored runs of one entity: p95 of
 *    each call, sequential and interleaved with the catalog's by-name call,
 *    reported as a ratio to the catalog's p95. Target: at most 2.
 *
 * Runs the real backend (packages/backend) on PostgreSQL, as in production,
 * with the sample catalog. Usage: yarn bench:reliability-api
 * (BENCH_RUNS, BENCH_SAMPLES to change the sizes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { readCorpusFile } from '@readiness/test-corpus';
import {
  analyzeBenchDatabases,
  authHeaders,
  baseUrlOf,
  benchConfig,
  benchLog as log,
  BenchTarget,
  latencyAgainst,
  printBenchReport,
  resetBenchDatabases,
  runBench,
  sampleLatency,
  startBenchBackend,
  tearDownBench,
} from './backend';

const TARGET: BenchTarget = {
  port: 7027,
  databasePrefix: 'readiness_bench_',
  token: 'bench-token-0123456789abcdef',
};
const BASE = baseUrlOf(TARGET);
const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const ENTITY = 'component:default/ledger';
const SCENARIOS = [
  'ledger-post',
  'ledger-read',
  'ledger-report',
  'ledger-close',
];
const RELEASES = 50;
const headers = authHeaders(TARGET);

type Cannon = {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

async function cannon(options: autocannon.Options): Promise<Cannon> {
  const result = await autocannon({ connections: 8, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function main() {
  const summary = JSON.parse(
    readCorpusFile('k6', 'qris-payment', 'summary.json').toString('utf8'),
  );
  log('resetting the bench databases');
  await resetBenchDatabases(TARGET.databasePrefix);
  log('starting the backend on PostgreSQL');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(configFile, benchConfig(TARGET));
  const backend = await startBenchBackend({
    target: TARGET,
    configFile,
    readyPath: '/api/catalog/entities/by-name/component/default/ledger',
    timeoutMs: 240_000,
  });
  try {
    const now = Date.now();
    let n = 0;
    log(`ingestion: publishing ${RUNS} runs of ${ENTITY}`);
    const ingestion = await cannon({
      url: `${BASE}/api/reliability/v1/runs`,
      amount: RUNS,
      requests: [
        {
          method: 'POST',
          setupRequest: request => {
            const i = n++;
            // Spread over the last 21 days, inside the SLO windows
            const started = new Date(now - (RUNS - i) * 180_000);
            return {
              ...request,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({
                run: {
                  entityRef: ENTITY,
                  scenario: SCENARIOS[i % SCENARIOS.length],
                  environment: 'staging',
                  release: `2026.11.${Math.floor((i * RELEASES) / RUNS)}`,
                  startedAt: started.toISOString(),
                  finishedAt: new Date(
                    started.getTime() + 120_000,
                  ).toISOString(),
                  k6ExitCode: 0,
                  idempotencyKey: `bench-${i}`,
                },
                results: summary,
              }),
            };
          },
        },
      ],
    });
    log('ingestion baseline: the catalog by name');
    const catalogLoad = await cannon({
      url: `${BASE}/api/catalog/entities/by-name/component/default/ledger`,
      headers,
      amount: RUNS,
    });

    const stored = await (
      await fetch(
        `${BASE}/api/reliability/v1/entities/component/default/ledger/trend?limit=500`,
        { headers },
      )
    ).json();
    const storedRuns = stored.series.reduce(
      (sum: number, s: { runs: number }) => sum + s.runs,
      0,
    );

    await analyzeBenchDatabases(TARGET.databasePrefix);
    if (process.env.BENCH_HOLD) {
      log(
        `holding the seeded backend at ${BASE} (token ${TARGET.token}); Ctrl-C to stop`,
      );
      await new Promise(() => {});
    }
    const release = `2026.11.${RELEASES - 1}`;
    const calls: Record<string, string> = {
      catalogByName: `${BASE}/api/catalog/entities/by-name/component/default/ledger`,
      gate: `${BASE}/api/reliability/v1/gates/component/default/ledger?release=${release}&environment=staging`,
      slos: `${BASE}/api/reliability/v1/entities/component/default/ledger/slos`,
      trend: `${BASE}/api/reliability/v1/entities/component/default/ledger/trend`,
      runs: `${BASE}/api/reliability/v1/runs?entityRef=${ENTITY}`,
      drills: `${BASE}/api/reliability/v1/entities/component/default/ledger/drills`,
      backups: `${BASE}/api/reliability/v1/entities/component/default/ledger/backups`,
      gateHistory: `${BASE}/api/reliability/v1/gates/component/default/ledger/history`,
    };
    log(`latency: ${SAMPLES} sequential calls of each, interleaved`);
    const samples = await sampleLatency(calls, Object.keys(calls), {
      samples: SAMPLES,
      headers,
    });
    const latency = latencyAgainst(samples, 'catalogByName');
    const misses = Object.entries(latency)
      .filter(
        ([name, l]) => name !== 'catalogByName' && l.ratioToCatalogP95 > 2,
      )
      .map(([name]) => name);
    const report = {
      benchmark: 'reliability-api',
      database: 'postgresql',
      storedRuns,
      ingestion: {
        publishRun: ingestion,
        catalogByName: catalogLoad,
        throughputRatio: Number((ingestion.rps / catalogLoad.rps).toFixed(3)),
      },
      latency,
      target: 'each reliability call p95 ≤ 2 × catalog by-name p95',
      passed:
        misses.length === 0 &&
        ingestion.errors === 0 &&
        ingestion.non2xx === 0 &&
        storedRuns >= RUNS,
      misses,
    };
    printBenchReport(report);
  } catch (error) {
    log(`the backend's log ends with:\n${backend.log()}`);
    throw error;
  } finally {
    await tearDownBench(backend, TARGET, dir);
  }
}

runBench(main);
