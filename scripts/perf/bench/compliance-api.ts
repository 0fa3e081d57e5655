/*
 * The compliance backend at audit scale, against the catalog in the same
 * backend: 1,000 components in 50 systems and 25 teams, every SOC 2 and
 * ISO 27001 control of the repository's frameworks in scope of each (about
 * 150), and 100,000 evidence items on PostgreSQL. Measured with sequential
 * calls:
 *
 * - the entity card's call (its summary: coverage per framework and the
 *   newest item), interleaved with the catalog's by-name call and the tab's
 *   call (every control with its state): the card's p95 at most 2 × the
 *   catalog's by-name p95, the tab's reported;
 * - then the framework matrix (both frameworks, by system and by owner) and
 *   one row's drill-down, interleaved: p95 under 300 ms;
 * - the first matrix question after the load (the replica reads all
 *   100,000 items once), and the backend's peak RSS;
 * - the whole portal's OSCAL assessment results streamed: the backend's
 *   resident memory may grow by less than 300 MB while it writes them.
 *
 * Runs the real backend (packages/backend) on PostgreSQL with a generated
 * catalog file. Usage: yarn bench:compliance-api (BENCH_ENTITIES,
 * BENCH_EVIDENCE, BENCH_SAMPLES to change the sizes; BENCH_HOLD=1 keeps the
 * seeded backend on :7028).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { percentile, postgresClient } from './lib';

const ROOT = path.resolve(__dirname, '../../..');
const PORT = 7028;
const BASE = `http://localhost:${PORT}`;
const TOKEN = 'bench-token-0123456789abcdef';
const PREFIX = 'readiness_cbench_';
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1000);
const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const SYSTEMS = 50;
const TEAMS = 25;
const headers = { Authorization: `Bearer ${TOKEN}` };

const pad = (n: number) => String(n).padStart(4, '0');
const serviceName = (i: number) => `bench-svc-${pad(i)}`;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function resetDatabases() {
  const client = postgresClient();
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where datname like '${PREFIX}%'`,
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.end();
}

/** The group and control ids of a framework file of the repository. */
function controlsOf(file: string): { groups: string[]; controls: string[] } {
  const data = parse(
    fs.readFileSync(path.join(ROOT, 'compliance/frameworks', file), 'utf8'),
  );
  const groups = data.spec.groups as Array<{
    id: string;
    controls: Array<{ id: string }>;
  }>;
  return {
    groups: groups.map(g => String(g.id)),
    controls: groups.flatMap(g => g.controls.map(c => String(c.id))),
  };
}

function writeInputs(dir: string) {
  const soc2 = controlsOf('soc2.yaml');
  const iso = controlsOf('iso27001.yaml');
  const documents: object[] = [];
  for (let t = 0; t < TEAMS; t++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-team-${pad(t)}`, title: `Bench team ${t}` },
      spec: { type: 'team', children: [] },
    });
  }
  for (let s = 0; s < SYSTEMS; s++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `bench-system-${pad(s)}` },
      spec: { owner: `bench-team-${pad(s % TEAMS)}` },
    });
  }
  for (let i = 0; i < ENTITIES; i++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: serviceName(i), tags: ['bench'] },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `bench-team-${pad(i % TEAMS)}`,
        system: `bench-system-${pad(i % SYSTEMS)}`,
      },
    });
  }
  const catalog = path.join(dir, 'bench-catalog.yaml');
  fs.writeFileSync(catalog, documents.map(d => stringify(d)).join('---\n'));
  const applicability = path.join(dir, 'applicability.yaml');
  fs.writeFileSync(
    applicability,
    stringify({
      apiVersion: 'readiness.dev/v1',
      kind: 'Applicability',
      metadata: { title: 'Every control for every bench component' },
      spec: {
        rules: [
          {
            id: 'bench-every-control',
            description: 'Every control of both frameworks, for the benchmark',
            select: { kind: 'Component', tags: ['bench'] },
            controls: [
              { framework: 'SOC2', groups: soc2.groups },
              { framework: 'ISO27001', groups: iso.groups },
            ],
          },
        ],
      },
    }),
  );
  const controls = [
    ...soc2.controls.map(c => `SOC2:${c}`),
    ...iso.controls.map(c => `ISO27001:${c}`),
  ];
  const config = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    config,
    `app:
  baseUrl: ${BASE}
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
catalog:
  locations:
    - type: file
      target: ${catalog}
      rules:
        - allow: [Component, System, Group]
compliance:
  applicability: ${applicability}
`,
  );
  return { config, controls };
}

// The backend's last words, for a failure after start
let backendLog = '';

async function startBackend(config: string): Promise<ChildProcess> {
  const taken = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (taken) {
    throw new Error(`port ${PORT} is in use: stop what listens there first`);
  }
  // From the sources without a watcher: files changed meanwhile do not
  // restart it
  const child = spawn(
    process.execPath,
    [
      '--require',
      path.join(
        ROOT,
        'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
      ),
      'src/index.ts',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      config,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const keep = (chunk: Buffer) => {
    backendLog = (backendLog + chunk).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const last = `${BASE}/api/catalog/entities/by-name/component/default/${serviceName(
    ENTITIES - 1,
  )}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the backend stopped:\n${backendLog}`);
    }
    try {
      if ((await fetch(last, { headers })).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the backend did not ingest the catalog in 5 minutes:\n${backendLog}`,
  );
}

/** The evidence, written straight into the compliance tables. */
async function seedEvidence(controls: string[]) {
  const client = postgresClient(`${PREFIX}compliance`);
  await client.connect();
  await client.query(
    `insert into compliance_evidence
       (id, entity_ref, source, title, collected_at, expires_at, result,
        filed_by, filed_at, content_hash)
     select md5(i::text || ':bench')::uuid::text,
            'component:default/bench-svc-' || lpad((i % $1)::text, 4, '0'),
            'pipeline',
            'Bench evidence ' || i,
            now() - ((i % 300) || ' days')::interval,
            now() - ((i % 300) || ' days')::interval + interval '180 days',
            case when i % 23 = 0 then 'not-satisfied' else 'satisfied' end,
            'service:bench',
            now(),
            md5(i::text) || md5(i::text || ':bench')
       from generate_series(1, $2) as i`,
    [ENTITIES, EVIDENCE],
  );
  // One control each, and a second for every third item
  await client.query(
    `insert into compliance_evidence_controls (evidence_id, control)
     select md5(i::text || ':bench')::uuid::text, ($1::text[])[1 + ((i::bigint * 7919) % $3)::int]
       from generate_series(1, $2) as i
     union
     select md5(i::text || ':bench')::uuid::text, ($1::text[])[1 + ((i::bigint * 104729 + 1) % $3)::int]
       from generate_series(1, $2) as i where i % 3 = 0`,
    [controls, EVIDENCE, controls.length],
  );
  await client.query('analyze');
  const { rows } = await client.query<{ count: string }>(
    'select count(*) from compliance_evidence',
  );
  await client.end();
  return Number(rows[0].count);
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

/** The resident memory of a process now, in MB. */
function currentRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(
      Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024,
    );
  } catch {
    return 0;
  }
}

/** Peak resident memory of a process and its descendants, in MB. */
function peakRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  let peak = 0;
  const visit = (pid: number) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // ended meanwhile
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return Math.round(peak);
}

async function main() {
  log('resetting the bench databases');
  await resetDatabases();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-bench-'));
  const { config, controls } = writeInputs(dir);
  log(
    `starting the backend on PostgreSQL with ${ENTITIES} components and ${controls.length} controls`,
  );
  const backend = await startBackend(config);
  const stop = () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  process.on('exit', stop);
  try {
    const startedRssMb = peakRssMb(backend.pid!);
    log(`seeding ${EVIDENCE} evidence items`);
    const stored = await seedEvidence(controls);
    const matrix = (framework: string, groupBy: string) =>
      `${BASE}/api/compliance/v1/matrix?framework=${framework}&groupBy=${groupBy}`;
    // The first question reads every item filed since start
    const firstMatrixMs = await timed(matrix('SOC2', 'system'));
    // For 30 seconds after a burst each question reads the burst again (the
    // overlap that catches late commits); the steady state comes after it
    log('waiting out the catch-up overlap after the burst');
    await new Promise(r => setTimeout(r, 31_000));
    const calls: Record<string, string> = {
      catalogByName: `${BASE}/api/catalog/entities/by-name/component/default/${serviceName(
        1,
      )}`,
      entityCard: `${BASE}/api/compliance/v1/entities/component/default/${serviceName(
        1,
      )}/summary`,
      entityTab: `${BASE}/api/compliance/v1/entities/component/default/${serviceName(
        1,
      )}/controls`,
      matrixSoc2BySystem: matrix('SOC2', 'system'),
      matrixIsoByOwner: matrix('ISO27001', 'owner'),
      matrixRow: `${BASE}/api/compliance/v1/matrix/entities?framework=SOC2&groupBy=system&group=${encodeURIComponent(
        'system:default/bench-system-0001',
      )}`,
    };
    if (process.env.BENCH_HOLD) {
      log(
        `holding the seeded backend at ${BASE} (token ${TOKEN}); Ctrl-C to stop`,
      );
      await new Promise(() => {});
    }
    // Two phases: the entity card against the catalog's by-name call (the
    // ratio of the target), then the matrix calls (an absolute target);
    // each phase's calls interleaved, 20 rounds of warm-up first
    const measure = async (names: string[]) => {
      log(`latency: ${SAMPLES} sequential calls each of ${names.join(', ')}`);
      for (let i = 0; i < 20; i++) {
        for (const name of names) await timed(calls[name]);
      }
      const taken: Record<string, number[]> = Object.fromEntries(
        names.map(name => [name, []]),
      );
      for (let i = 0; i < SAMPLES; i++) {
        for (const name of names) taken[name].push(await timed(calls[name]));
      }
      return taken;
    };
    const samples = {
      ...(await measure(['catalogByName', 'entityCard', 'entityTab'])),
      ...(await measure([
        'matrixSoc2BySystem',
        'matrixIsoByOwner',
        'matrixRow',
      ])),
    };
    // The whole portal's OSCAL assessment results, streamed: the backend's
    // resident memory sampled while it writes, against just before
    log('export: OSCAL assessment results of the whole portal (SOC 2)');
    const rssBefore = currentRssMb(backend.pid!);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, currentRssMb(backend.pid!));
    }, 50);
    const exportStarted = Date.now();
    const exported = await fetch(
      `${BASE}/api/compliance/v1/exports/assessment-results?framework=SOC2`,
      { headers },
    );
    let exportBytes = 0;
    for await (const chunk of exported.body as unknown as AsyncIterable<Uint8Array>) {
      exportBytes += chunk.byteLength;
    }
    clearInterval(sampler);
    const oscalExport = {
      status: exported.status,
      megabytes: Number((exportBytes / 1e6).toFixed(1)),
      seconds: Number(((Date.now() - exportStarted) / 1000).toFixed(1)),
      backendRssMbBefore: rssBefore,
      backendRssMbPeak: rssPeak,
      backendRssGrowthMb: rssPeak - rssBefore,
    };

    const shape = await (
      await fetch(calls.matrixSoc2BySystem, { headers })
    ).json();
    const catalogP95 = percentile(samples.catalogByName, 95);
    const latency = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [
        name,
        {
          p50: Number(percentile(values, 50).toFixed(2)),
          p95: Number(percentile(values, 95).toFixed(2)),
          ratioToCatalogP95: Number(
            (percentile(values, 95) / catalogP95).toFixed(2),
          ),
        },
      ]),
    );
    const matrixCalls = ['matrixSoc2BySystem', 'matrixIsoByOwner', 'matrixRow'];
    const misses = [
      ...(latency.entityCard.ratioToCatalogP95 > 2 ? ['entityCard'] : []),
      ...matrixCalls.filter(name => latency[name].p95 >= 300),
      ...(oscalExport.status !== 200 || oscalExport.backendRssGrowthMb >= 300
        ? ['oscalExport']
        : []),
    ];
    const report = {
      benchmark: 'compliance-api',
      database: 'postgresql',
      entities: ENTITIES,
      controlsInScopeOfEach: controls.length,
      evidence: stored,
      matrix: {
        rows: shape.groups.length,
        columns: shape.controls.length,
        entities: shape.totals.entities,
        firstQuestionMs: Number(firstMatrixMs.toFixed(1)),
      },
      latency,
      oscalExport,
      backendPeakRssMb: {
        afterStart: startedRssMb,
        atEnd: peakRssMb(backend.pid!),
      },
      targets: {
        entityCard: 'p95 ≤ 2 × catalog by-name p95',
        matrix: 'p95 < 300 ms',
        oscalExport: 'the backend grows by less than 300 MB while streaming it',
      },
      passed: misses.length === 0 && stored === EVIDENCE,
      misses,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    stop();
    await new Promise(r => setTimeout(r, 2000));
    await resetDatabases();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  log(String(error?.stack ?? error));
  if (backendLog) log(`the backend's log ends with:\n${backendLog}`);
  process.exit(1);
});
