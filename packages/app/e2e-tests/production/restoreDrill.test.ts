import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { repositoryPath } from '@readiness/test-corpus';
import { connectLocalPostgres } from './postgres.mjs';
import {
  PRODUCTION_CI_TOKEN,
  PRODUCTION_DR_PUBLISH_TOKEN,
  PRODUCTION_COMPLIANCE_PUBLISH_TOKEN,
} from '../constants';

const run = promisify(execFile);
const ci = { Authorization: `Bearer ${PRODUCTION_CI_TOKEN}` };
const script = repositoryPath('scripts', 'dr', 'restore-drill.mjs');

type Fingerprint = Record<string, { rows: number; checksum: string }>;
/** scripts/dr/fingerprint.mjs, the comparison the drill script uses. */
async function fingerprints(): Promise<{
  fingerprint(client: unknown): Promise<Fingerprint>;
  compareFingerprints(source: Fingerprint, restored: Fingerprint): string[];
}> {
  return import(
    pathToFileURL(repositoryPath('scripts', 'dr', 'fingerprint.mjs')).href
  );
}

/*
 * The portal's own restore drill, as CI runs it: every database of this
 * production-config backend is dumped, restored into a scratch database and
 * compared table by table; the result is pushed through the portal's own
 * endpoints with the publish-only DR token and shows on its entity pages.
 */
test.describe("the portal's own restore drill", () => {
  test('restores every plugin database, matches every table, and pushes the evidence', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    // The catalog must be ingested, so the entities the drill names exist
    await expect(async () => {
      const response = await request.get(
        '/api/catalog/entities/by-name/resource/default/readiness-portal-db',
        { headers: ci },
      );
      expect(response.status()).toBe(200);
    }).toPass({ timeout: 90_000 });

    const { stdout } = await run(
      process.execPath,
      [script, '--databases', 'readiness_e2e_%', '--portal', baseURL!],
      {
        env: {
          PATH: process.env.PATH,
          PGHOST: '127.0.0.1',
          PGPORT: '5432',
          PGUSER: 'postgres',
          PORTAL_DR_PUBLISH_TOKEN: PRODUCTION_DR_PUBLISH_TOKEN,
          PORTAL_COMPLIANCE_PUBLISH_TOKEN: PRODUCTION_COMPLIANCE_PUBLISH_TOKEN,
        },
        cwd: path.dirname(script),
      },
    );
    const report = JSON.parse(stdout);
    expect(report.passed).toBe(true);
    const names = report.databases.map((d: { database: string }) => d.database);
    expect(names).toEqual(
      expect.arrayContaining([
        'readiness_e2e_catalog',
        'readiness_e2e_reliability',
        'readiness_e2e_api-portal',
      ]),
    );
    for (const database of report.databases) {
      expect(database.mismatches).toEqual([]);
      expect(database.tables).toBeGreaterThan(0);
    }
    expect(report.pushed).toEqual({ backup: 201, drill: 201 });
    test.info().annotations.push({
      type: 'restore drill',
      description: report.summary,
    });

    const backups = await request.get(
      '/api/reliability/v1/entities/resource/default/readiness-portal-db/backups',
      { headers: ci },
    );
    expect(backups.status()).toBe(200);
    const state = await backups.json();
    expect(JSON.stringify(state)).toContain('verified');

    const drills = await request.get(
      '/api/reliability/v1/entities/component/default/readiness-portal-backend/drills',
      { headers: ci },
    );
    expect(drills.status()).toBe(200);
    const record = JSON.stringify(await drills.json());
    expect(record).toContain('Portal database lost');
    expect(record).toContain('"result":"passed"');
  });

  test('the comparison notices a changed row, a lost row and a lost table', async () => {
    const { fingerprint, compareFingerprints } = await fingerprints();
    const client = await connectLocalPostgres('postgres');
    const name = 'readiness_drill_fixture';
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
    await client.end();
    const db = await connectLocalPostgres(name);
    try {
      await db.query(
        'create table a (id int primary key, v text); create table b (id int)',
      );
      await db.query(
        "insert into a select g, 'v' || g from generate_series(1, 100) g; insert into b values (1)",
      );
      const source = await fingerprint(db);
      expect(compareFingerprints(source, await fingerprint(db))).toEqual([]);

      await db.query("update a set v = 'changed' where id = 7");
      expect(compareFingerprints(source, await fingerprint(db))).toEqual([
        'public.a: checksum differs',
      ]);
      await db.query('delete from a where id = 8');
      expect(compareFingerprints(source, await fingerprint(db))).toEqual([
        'public.a: 100 rows, 99 restored',
      ]);
      await db.query('drop table b');
      expect(compareFingerprints(source, await fingerprint(db))).toContain(
        'public.b: missing after restore',
      );
    } finally {
      await db.end();
      const admin = await connectLocalPostgres('postgres');
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
