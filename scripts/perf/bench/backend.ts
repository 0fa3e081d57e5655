/*
 * The real backend (packages/backend) for a benchmark: its own PostgreSQL
 * databases (one prefix per benchmark), a static token, started from the
 * sources without a watcher, and the figures read off its process. Bench
 * code only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { percentile, postgresClient } from './lib';

export const ROOT = path.resolve(__dirname, '../../..');

/** Where a benchmark's backend listens and how it is called. */
export interface BenchTarget {
  port: number;
  /** Prefix of the backend's databases; dropped before and after a run. */
  databasePrefix: string;
  token: string;
}

export function baseUrlOf(target: BenchTarget): string {
  return `http://localhost:${target.port}`;
}

export function authHeaders(target: BenchTarget): Record<string, string> {
  return { Authorization: `Bearer ${target.token}` };
}

/**
 * The config a benchmark's backend runs with, over the repository's
 * app-config.yaml: PostgreSQL under the benchmark's prefix, no sample data,
 * the static token, and `extra` (YAML at the top level) after it.
 */
export function benchConfig(target: BenchTarget, extra: string = ''): string {
  const base = baseUrlOf(target);
  return `app:
  baseUrl: ${base}
# A benchmark measures its own records only
readinessPortal:
  sampleData:
    enabled: false
backend:
  baseUrl: ${base}
  listen: ':${target.port}'
  cors:
    origin: ${base}
  database:
    client: pg
    prefix: ${target.databasePrefix}
    connection:
      host: 127.0.0.1
      port: 5432
      user: postgres
      password: unused-with-trust-auth
  auth:
    externalAccess:
      - type: static
        options:
          token: ${target.token}
          subject: bench
${extra}`;
}

/** The benchmark's databases (one per plugin). */
async function benchDatabases(prefix: string): Promise<string[]> {
  const admin = postgresClient();
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${prefix}%`],
    );
    return rows.map(row => row.datname);
  } finally {
    await admin.end();
  }
}

export async function resetBenchDatabases(prefix: string): Promise<void> {
  const names = await benchDatabases(prefix);
  const admin = postgresClient();
  await admin.connect();
  try {
    for (const name of names) {
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Brings the planner's statistics up to date, as autovacuum does within a
 * minute or two of a bulk load, so a latency phase measures the steady state
 * and not the minute after a load.
 */
export async function analyzeBenchDatabases(prefix: string): Promise<void> {
  for (const name of await benchDatabases(prefix)) {
    const client = postgresClient(name);
    await client.connect();
    try {
      await client.query('analyze');
    } finally {
      await client.end();
    }
  }
}

/** A started backend: its process, its last log lines and how to stop it. */
export interface BenchBackend {
  pid: number;
  /** The last 4,000 characters the backend wrote. */
  log(): string;
  stop(): void;
}

/**
 * Starts the backend from the sources with the repository's app-config.yaml
 * and `configFile`, and waits until `readyPath` (called with the token)
 * answers 200: the first sign that what the benchmark needs is in place,
 * such as the last entity of a generated catalog.
 */
export async function startBenchBackend(options: {
  target: BenchTarget;
  configFile: string;
  readyPath: string;
  timeoutMs: number;
}): Promise<BenchBackend> {
  const base = baseUrlOf(options.target);
  const taken = await fetch(base).then(
    () => true,
    () => false,
  );
  if (taken) {
    throw new Error(
      `port ${options.target.port} is in use: stop what listens there first`,
    );
  }
  // No watcher: files changed while the benchmark runs do not restart it
  const child: ChildProcess = spawn(
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
      options.configFile,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let lastWords = '';
  const keep = (chunk: Buffer) => {
    lastWords = (lastWords + chunk).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const backend: BenchBackend = {
    pid: child.pid!,
    log: () => lastWords,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
    },
  };
  process.on('exit', backend.stop);
  const ready = `${base}${options.readyPath}`;
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the backend stopped:\n${lastWords}`);
    }
    try {
      const response = await fetch(ready, {
        headers: authHeaders(options.target),
      });
      if (response.ok) return backend;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  backend.stop();
  throw new Error(
    `the backend was not ready in ${Math.round(options.timeoutMs / 1000)} s (${
      options.readyPath
    }):\n${lastWords}`,
  );
}

/** Milliseconds of one GET until its whole body is read; throws on a non-2xx. */
export async function timedGet(
  url: string,
  headers: Record<string, string>,
): Promise<number> {
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
export function currentRssMb(pid: number): number {
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
export function peakRssMb(rootPid: number): number {
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

/**
 * Sequential GETs of the named calls, interleaved so that each sees the same
 * backend: `warmup` rounds first, then `samples` rounds whose times are kept
 * by name.
 */
export async function sampleLatency(
  calls: Record<string, string>,
  names: string[],
  options: {
    samples: number;
    headers: Record<string, string>;
    warmup?: number;
  },
): Promise<Record<string, number[]>> {
  const timed = (url: string) => timedGet(url, options.headers);
  for (let i = 0; i < (options.warmup ?? 20); i++) {
    for (const name of names) await timed(calls[name]);
  }
  const taken: Record<string, number[]> = Object.fromEntries(
    names.map(name => [name, []]),
  );
  for (let i = 0; i < options.samples; i++) {
    for (const name of names) taken[name].push(await timed(calls[name]));
  }
  return taken;
}

/** Each call's p50 and p95, and its p95 against the p95 of `base`. */
export function latencyAgainst(
  samples: Record<string, number[]>,
  base: string,
): Record<string, { p50: number; p95: number; ratioToCatalogP95: number }> {
  const baseP95 = percentile(samples[base], 95);
  return Object.fromEntries(
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
}

/** A progress line on stderr, so stdout holds only the report. */
export function benchLog(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Prints the report on stdout; the exit code says whether it passed. */
export function printBenchReport(report: { passed: boolean }) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.passed ? 0 : 1;
}

/**
 * After a benchmark: stops the backend, gives it two seconds to let go of
 * its connections, drops its databases and removes the run's folder.
 */
export async function tearDownBench(
  backend: BenchBackend,
  target: BenchTarget,
  dir: string,
): Promise<void> {
  backend.stop();
  await new Promise(r => setTimeout(r, 2000));
  await resetBenchDatabases(target.databasePrefix);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs a benchmark's main; a failure is printed and exits 1. */
export function runBench(main: () => Promise<void>) {
  main().catch(error => {
    benchLog(String(error?.stack ?? error));
    process.exit(1);
  });
}
