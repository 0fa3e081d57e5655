#!/usr/bin/env node
// The portal's own restore drill: dumps its PostgreSQL databases, restores each
// dump into a scratch database, compares every table's row count and checksum
// with the source as it was when dumped, measures the restore, and pushes the
// result to the portal as a backup verification and a drill record, with the
// publish-only DR token. docs/operations/restore-drill.md tells how to run it.
//
//   node scripts/dr/restore-drill.mjs --databases 'readiness_%' \
//     --portal http://localhost:7007 [--dry-run]
//
// Connection: the usual PGHOST, PGPORT, PGUSER, PGPASSWORD. The token comes
// from PORTAL_DR_PUBLISH_TOKEN and is never passed to a child process: pg_dump
// and pg_restore get only the PostgreSQL variables they need.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { compareFingerprints, fingerprint, quote } from './fingerprint.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const run = promisify(execFile);

const { values: args } = parseArgs({
  options: {
    databases: { type: 'string' },
    portal: { type: 'string' },
    'backup-entity': {
      type: 'string',
      default: 'resource:default/readiness-portal-db',
    },
    'drill-entities': {
      type: 'string',
      default:
        'component:default/readiness-portal-backend,resource:default/readiness-portal-db',
    },
    'key-prefix': { type: 'string', default: 'portal-restore-drill' },
    evidence: { type: 'string', multiple: true, default: [] },
    'dry-run': { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(`restore-drill: ${message}`);
  process.exit(2);
}

if (!args.databases) fail('--databases <LIKE pattern> is required');
if (!args['dry-run'] && !args.portal) fail('--portal <url> is required');
const token = process.env.PORTAL_DR_PUBLISH_TOKEN;
if (!args['dry-run'] && !token) fail('PORTAL_DR_PUBLISH_TOKEN is not set');

// What pg_dump and pg_restore may see of this process's environment
const pgEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => name === 'PATH' || name === 'LANG' || name.startsWith('PG'),
  ),
);

function connect(database) {
  return new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database,
  });
}

/** Dumps a database and fingerprints it in the same snapshot. */
async function dumpDatabase(database, dir) {
  const source = connect(database);
  await source.connect();
  const dumpFile = path.join(dir, `${database}.dump`);
  try {
    // One snapshot for the dump and the fingerprint: what was dumped is
    // exactly what is compared, even while the portal keeps writing
    await source.query(
      'begin transaction isolation level repeatable read read only',
    );
    const { rows } = await source.query(
      'select pg_export_snapshot() as snapshot, now() as at',
    );
    const dumpStarted = Date.now();
    await run(
      'pg_dump',
      [
        '--format=custom',
        `--snapshot=${rows[0].snapshot}`,
        `--file=${dumpFile}`,
        `--dbname=${database}`,
      ],
      { env: pgEnv },
    );
    const dumpSeconds = (Date.now() - dumpStarted) / 1000;
    const before = await fingerprint(source);
    await source.query('commit');
    return {
      database,
      dumpFile,
      takenAt: new Date(rows[0].at),
      sizeBytes: fs.statSync(dumpFile).size,
      dumpSeconds,
      before,
    };
  } finally {
    await source.end();
  }
}

/** Restores a dump into a scratch database and compares it with its source. */
async function restoreDatabase(dump) {
  const scratch = `${dump.database}_restore_drill`.slice(0, 63);
  const admin = connect('postgres');
  await admin.connect();
  const restoreStarted = Date.now();
  try {
    await admin.query(`drop database if exists ${quote(scratch)} with (force)`);
    await admin.query(`create database ${quote(scratch)}`);
    await run(
      'pg_restore',
      ['--no-owner', '--exit-on-error', `--dbname=${scratch}`, dump.dumpFile],
      { env: pgEnv },
    );
    const restoreSeconds = (Date.now() - restoreStarted) / 1000;
    const restored = connect(scratch);
    await restored.connect();
    let after;
    try {
      after = await fingerprint(restored);
    } finally {
      await restored.end();
    }
    return {
      database: dump.database,
      takenAt: dump.takenAt,
      sizeBytes: dump.sizeBytes,
      dumpSeconds: dump.dumpSeconds,
      restoreSeconds,
      tables: Object.keys(dump.before).length,
      rows: Object.values(dump.before).reduce((n, t) => n + t.rows, 0),
      mismatches: compareFingerprints(dump.before, after),
    };
  } finally {
    await admin.query(`drop database if exists ${quote(scratch)} with (force)`);
    await admin.end();
  }
}

async function push(route, body) {
  const response = await fetch(
    new URL(`/api/reliability/v1/${route}`, args.portal),
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    },
  );
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${route}: ${response.status} ${text}`);
  }
  return { status: response.status, body: JSON.parse(text) };
}

async function main() {
  const admin = connect('postgres');
  await admin.connect();
  const { rows } = await admin.query(
    `select datname from pg_database
      where datname like $1 and datname not like '%\\_restore\\_drill'
      order by datname`,
    [args.databases],
  );
  await admin.end();
  if (rows.length === 0) fail(`no database matches ${args.databases}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-drill-'));
  const results = [];
  let started;
  try {
    // The nightly dumps...
    const dumps = [];
    for (const { datname } of rows) {
      dumps.push(await dumpDatabase(datname, dir));
    }
    // ...then the databases are lost, and each is restored from its dump
    started = new Date();
    for (const dump of dumps) {
      results.push(await restoreDatabase(dump));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const restored = new Date();
  const mismatches = results.flatMap(r =>
    r.mismatches.map(m => `${r.database}: ${m}`),
  );
  const passed = mismatches.length === 0;
  // The oldest snapshot is how fresh the restored data is
  const freshness = new Date(
    Math.min(...results.map(r => r.takenAt.getTime())),
  );
  const restoreSeconds = results.reduce((s, r) => s + r.restoreSeconds, 0);
  const sizeBytes = results.reduce((s, r) => s + r.sizeBytes, 0);
  const tables = results.reduce((s, r) => s + r.tables, 0);
  const rowsTotal = results.reduce((s, r) => s + r.rows, 0);
  const key = `${args['key-prefix']}-${started.toISOString()}`;
  const summary =
    `${results.length} databases, ${tables} tables, ${rowsTotal} rows; ` +
    `restore ${restoreSeconds.toFixed(1)} s; ` +
    (passed
      ? 'every row count and checksum matched'
      : `${mismatches.length} differences: ${mismatches
          .slice(0, 10)
          .join('; ')}`);

  const backup = {
    idempotencyKey: key,
    entityRef: args['backup-entity'],
    artifact: `pg_dump ${args.databases} ${freshness.toISOString()}`,
    kind: 'base-backup',
    sizeBytes,
    takenAt: freshness.toISOString(),
    verifiedAt: restored.toISOString(),
    checksumVerified: passed,
    restoreTested: true,
    restoreSucceeded: passed,
    restoreSeconds: Math.max(1, Math.round(restoreSeconds)),
    ...(args.evidence.length > 0 && { evidence: args.evidence }),
    notes: summary.slice(0, 4000),
  };
  const drill = {
    idempotencyKey: key,
    drill: {
      entities: args['drill-entities'].split(',').map(e => e.trim()),
      scenario:
        "Portal database lost: every plugin's database restored from its dump into a new database",
      disruptionType: 'data-corruption',
      started: started.toISOString(),
      serviceRestored: restored.toISOString(),
      dataFreshnessAtRestore: freshness.toISOString(),
      result: passed ? 'passed' : 'failed',
      evidence: args.evidence,
      notes: summary.slice(0, 4000),
    },
  };
  const report = { passed, summary, databases: results, backup, drill };
  if (!args['dry-run']) {
    report.pushed = {
      backup: (await push('backups', backup)).status,
      drill: (await push('drills', drill)).status,
    };
  }
  console.log(JSON.stringify(report, null, 2));
  if (!passed) process.exit(1);
}

main().catch(error => {
  console.error(`restore-drill: ${error.message}`);
  process.exit(1);
});
