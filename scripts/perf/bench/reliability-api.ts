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
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { percentile, postgresClient } from './lib';
import { readCorpusFile } from '@readiness/test-corpus';

const ROOT = path.resolve(__dirname, '../../..');
const PORT = 7027;
const BASE = `http://localhost:${PORT}`;
const TOKEN = 'bench-token-0123456789abcdef';
const PREFIX = 'readiness_bench_';
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
const headers = { Authorization: `Bearer ${TOKEN}` };

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

/** The databases of the benchmark's backend (one per plugin). */
async function benchDatabases(admin: ReturnType<typeof postgresClient>) {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like '${PREFIX}%'`,
  );
  return rows.map(row => row.datname);
}

async function resetDatabases() {
  const client = postgresClient();
  await client.connect();
  for (const datname of await benchDatabases(client)) {
    await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.end();
}

/**
 * Brings the planner's statistics up to date, as autovacuum does within a
 * minute or two of a bulk load: the latency phase measures the steady state
 * of a backend that has held its 10,000 runs for a while, not the minute
 * after they were all written at once.
 */
async function analyzeDatabases() {
  const admin = postgresClient();
  await admin.connect();
  const names = await benchDatabases(admin);
  await admin.end();
  for (const datname of names) {
    const client = postgresClient(datname);
    await client.connect();
    await client.query('analyze');
    await client.end();
  }
}

async function startBackend(): Promise<ChildProcess> {
  const taken = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (taken) {
    throw new Error(`port ${PORT} is in use: stop what listens there first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const config = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    config,
    `app:
  baseUrl: ${BASE}
# The bench measures its own runs only
readinessPortal:
  sampleData:
    enabled: false
backend:
  baseUrl: ${BASE}
  listen: ':${PORT}'
  cors:
    origin: ${BASE}
  database:
    client: pg
    prefix: ${PREFIX}
    connection:
      host: 127.0.0.1
      port: 5432
      user: postgres
      password: unused-with-trust-auth
  auth:
    externalAccess:
      - type: static
        options:
          token: ${TOKEN}
          subject: bench
`,
  );
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      config,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the backend stopped:\n${stderr}`);
    }
    try {
      const response = await fetch(
        `${BASE}/api/catalog/entities/by-name/component/default/ledger`,
        { headers },
      );
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`the backend did not come up in 4 minutes:\n${stderr}`);
}

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

async function timed(url: string): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return ms;
}

async function main() {
  const summary = JSON.parse(
    readCorpusFile('k6', 'qris-payment', 'summary.json').toString('utf8'),
  );
  log('resetting the bench databases');
  await resetDatabases();
  log('starting the backend on PostgreSQL');
  const backend = await startBackend();
  const stop = () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  process.on('exit', stop);
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

    await analyzeDatabases();
    if (process.env.BENCH_HOLD) {
      log(
        `holding the seeded backend at ${BASE} (token ${TOKEN}); Ctrl-C to stop`,
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
    const samples: Record<string, number[]> = Object.fromEntries(
      Object.keys(calls).map(k => [k, []]),
    );
    for (let i = 0; i < 20; i++) {
      for (const url of Object.values(calls)) await timed(url);
    }
    for (let i = 0; i < SAMPLES; i++) {
      for (const [name, url] of Object.entries(calls)) {
        samples[name].push(await timed(url));
      }
    }
    const baseP95 = percentile(samples.catalogByName, 95);
    const latency = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [
        name,
        {
          p50: Number(percentile(values, 50).toFixed(2)),
          p95: Number(percentile(values, 95).toFixed(2)),
          ratioToCatalogP95: Number(
            (percentile(values, 95) / baseP95).toFixed(2),
          ),
        },
      ]),
    );
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
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    stop();
    await new Promise(r => setTimeout(r, 2000));
    await resetDatabases();
  }
}

main().catch(error => {
  log(String(error?.stack ?? error));
  process.exit(1);
});
