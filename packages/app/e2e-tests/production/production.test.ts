import { execFile, execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { corpusPath, readCorpusFile } from '@readiness/test-corpus';
import { connectLocalPostgres } from './postgres.mjs';
import {
  PRODUCTION_CI_TOKEN,
  PRODUCTION_PERF_PUBLISH_TOKEN,
  PRODUCTION_DR_PUBLISH_TOKEN,
  PRODUCTION_COMPLIANCE_PUBLISH_TOKEN,
  PRODUCTION_DOCS_TOKEN,
} from '../constants';

const ci = { Authorization: `Bearer ${PRODUCTION_CI_TOKEN}` };
const docs = { Authorization: `Bearer ${PRODUCTION_DOCS_TOKEN}` };

test.describe('the backend with app-config.production.yaml', () => {
  test('serves the catalog from PostgreSQL to a CI client with a static token', async ({
    request,
  }) => {
    await expect(async () => {
      const response = await request.get(
        '/api/catalog/entities/by-name/component/default/ledger',
        { headers: ci },
      );
      expect(response.status()).toBe(200);
      const entity = await response.json();
      expect(entity.metadata.name).toBe('ledger');
    }).toPass({ timeout: 90_000 });

    const client = await connectLocalPostgres('readiness_e2e_catalog');
    try {
      const { rows } = await client.query(
        'select count(*)::int as n from final_entities where final_entity is not null',
      );
      expect(rows[0].n).toBeGreaterThan(40);
    } finally {
      await client.end();
    }
  });

  test('refuses callers without credentials and the guest providers', async ({
    request,
  }) => {
    const anonymous = await request.get('/api/catalog/entities?limit=1');
    expect(anonymous.status()).toBe(401);

    const wrongToken = await request.get('/api/catalog/entities?limit=1', {
      headers: { Authorization: 'Bearer not-the-token' },
    });
    expect(wrongToken.status()).toBe(401);

    for (const provider of ['guest', 'partner-guest']) {
      const response = await request.get(`/api/auth/${provider}/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      expect(response.ok()).toBe(false);
    }
  });
});

test.describe('production integrations', () => {
  test('sends browsers to the OIDC identity provider', async ({ request }) => {
    const response = await request.get(
      '/api/auth/oidc/start?env=production&scope=openid',
      { maxRedirects: 0 },
    );
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(
      /^http:\/\/127\.0\.0\.1:7018\/authorize\?/,
    );
  });

  test('builds TechDocs and caches the pages in Redis', async ({ request }) => {
    const redisKeys = () =>
      execFileSync('redis-cli', ['--scan', '--pattern', '*techdocs*'], {
        encoding: 'utf8',
      })
        .split('\n')
        .filter(Boolean);
    for (const key of redisKeys()) {
      execFileSync('redis-cli', ['del', key]);
    }

    // The sync endpoint builds the site with mkdocs and streams progress
    const sync = await request.get(
      '/api/techdocs/sync/default/system/readiness-portal',
      { headers: { ...docs, Accept: 'text/event-stream' }, timeout: 120_000 },
    );
    expect(sync.status()).toBe(200);
    expect(await sync.text()).toMatch(/event: finish/);

    const page = await request.get(
      '/api/techdocs/static/docs/default/system/readiness-portal/index.html',
      { headers: docs },
    );
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('Readiness Portal');
    await expect.poll(() => redisKeys().length).toBeGreaterThan(0);
  });
});

test.describe('the CI token on the production backend', () => {
  test('reads entities and reliability records, and nothing else', async ({
    request,
  }) => {
    const read = await request.get(
      '/api/catalog/entities/by-name/component/default/ledger',
      { headers: ci },
    );
    expect(read.status()).toBe(200);
    // Catalog writes are other permissions of a plugin it may call: 403
    const register = await request.post('/api/catalog/locations', {
      headers: ci,
      data: { type: 'url', target: 'https://example.com/catalog-info.yaml' },
    });
    expect(register.status()).toBe(403);
    const uid = (await read.json()).metadata.uid;
    const remove = await request.delete(`/api/catalog/entities/by-uid/${uid}`, {
      headers: ci,
    });
    expect(remove.status()).toBe(403);
    // Plugins it does not name refuse it outright
    for (const url of [
      '/api/techdocs/static/docs/default/system/readiness-portal/index.html',
      '/api/techdocs/metadata/techdocs/default/system/readiness-portal',
      '/api/api-portal/v1/families',
    ]) {
      const response = await request.get(url, { headers: ci });
      expect([401, 403]).toContain(response.status());
      expect(await response.text()).not.toContain('Readiness Portal');
    }
  });
});

test.describe('perf runs on the production backend', () => {
  const publisher = {
    Authorization: `Bearer ${PRODUCTION_PERF_PUBLISH_TOKEN}`,
  };
  const summary = JSON.parse(
    readCorpusFile('k6', 'qris-payment', 'summary.json').toString('utf8'),
  );

  test('the publish-only token publishes a run and can read nothing', async ({
    request,
  }) => {
    const idempotencyKey = `e2e-${Date.now()}`;
    const body = {
      run: {
        entityRef: 'component:default/billing',
        scenario: 'billing-subscribe',
        environment: 'staging',
        release: '2026.11.3',
        startedAt: '2026-11-27T21:00:00Z',
        finishedAt: '2026-11-27T21:04:30Z',
        k6ExitCode: 99,
        idempotencyKey,
      },
      results: summary,
    };
    await expect(async () => {
      const published = await request.post('/api/reliability/v1/runs', {
        headers: publisher,
        data: body,
      });
      expect(published.status()).toBe(201);
      expect(await published.json()).toMatchObject({
        created: true,
        run: { thresholdsPassed: false, format: 'k6-handle-summary' },
      });
    }).toPass({ timeout: 60_000 });

    const retry = await request.post('/api/reliability/v1/runs', {
      headers: publisher,
      data: body,
    });
    expect(retry.status()).toBe(200);

    const readRuns = await request.get(
      '/api/reliability/v1/runs?entityRef=component:default/billing',
      { headers: publisher },
    );
    expect(readRuns.status()).toBe(403);
    const readCatalog = await request.get(
      '/api/catalog/entities/by-name/component/default/billing',
      { headers: publisher },
    );
    expect([401, 403]).toContain(readCatalog.status());

    const runs = await request.get(
      '/api/reliability/v1/runs?entityRef=component:default/billing',
      { headers: ci },
    );
    expect(runs.status()).toBe(200);
    expect(
      (await runs.json()).items.map((r: any) => r.idempotencyKey),
    ).toContain(idempotencyKey);
  });
});

test.describe('compliance evidence on the production backend', () => {
  test('the compliance token files evidence once per key, and nothing else', async ({
    request,
  }) => {
    const filer = {
      Authorization: `Bearer ${PRODUCTION_COMPLIANCE_PUBLISH_TOKEN}`,
    };
    const filing = {
      entityRef: 'component:default/billing',
      controls: ['SOC2:CC8.1', 'ISO27001:8.32'],
      source: 'pipeline',
      title: 'Release 2026.11.3 reviewed and approved',
      link: 'https://ci.example.com/billing/releases/2026.11.3',
      collectedAt: new Date().toISOString(),
      result: 'satisfied',
      idempotencyKey: `e2e-compliance-${Date.now()}`,
    };
    await expect(async () => {
      const filed = await request.post('/api/compliance/v1/evidence', {
        headers: filer,
        data: filing,
      });
      expect(filed.status()).toBe(201);
      expect(await filed.json()).toMatchObject({
        created: true,
        item: { filedBy: 'service:compliance-publisher' },
      });
    }).toPass({ timeout: 60_000 });
    const retry = await request.post('/api/compliance/v1/evidence', {
      headers: filer,
      data: filing,
    });
    expect(retry.status()).toBe(200);

    // It reads nothing: not the record it filed into, not the catalog
    const evidence = await request.get(
      '/api/compliance/v1/entities/component/default/billing/evidence',
      { headers: filer },
    );
    expect(evidence.status()).toBe(403);
    const catalog = await request.get(
      '/api/catalog/entities/by-name/component/default/billing',
      { headers: filer },
    );
    expect([401, 403]).toContain(catalog.status());
    const runs = await request.get(
      '/api/reliability/v1/runs?entityRef=component:default/billing',
      { headers: filer },
    );
    expect(runs.status()).toBe(403);
  });
});

test.describe('DR evidence on the production backend', () => {
  const dr = { Authorization: `Bearer ${PRODUCTION_DR_PUBLISH_TOKEN}` };
  const perf = { Authorization: `Bearer ${PRODUCTION_PERF_PUBLISH_TOKEN}` };

  test('the DR token pushes drills and backup verifications, and nothing else', async ({
    request,
  }) => {
    const key = `e2e-${Date.now()}`;
    const drill = {
      idempotencyKey: key,
      drill: {
        entities: ['resource:default/filing-db'],
        scenario: 'Restore the filing database from the nightly base backup',
        disruptionType: 'data-corruption',
        started: '2026-11-26T08:00:00Z',
        serviceRestored: '2026-11-26T08:51:00Z',
        dataFreshnessAtRestore: '2026-11-26T07:49:00Z',
        result: 'passed',
      },
    };
    await expect(async () => {
      const pushed = await request.post('/api/reliability/v1/drills', {
        headers: dr,
        data: drill,
      });
      expect(pushed.status()).toBe(201);
    }).toPass({ timeout: 60_000 });
    const again = await request.post('/api/reliability/v1/drills', {
      headers: dr,
      data: drill,
    });
    expect(again.status()).toBe(200);

    const verification = {
      idempotencyKey: key,
      entityRef: 'resource:default/filing-db',
      artifact: 'base/20261126T0200',
      kind: 'base-backup',
      sizeBytes: 7340032000,
      takenAt: new Date(Date.now() - 3_600_000).toISOString(),
      verifiedAt: new Date().toISOString(),
      checksumVerified: true,
      restoreTested: true,
      restoreSucceeded: true,
      restoreSeconds: 840,
    };
    const backup = await request.post('/api/reliability/v1/backups', {
      headers: dr,
      data: verification,
    });
    expect(backup.status()).toBe(201);

    // The perf token may not push DR evidence; the DR token may not read
    expect(
      (
        await request.post('/api/reliability/v1/backups', {
          headers: perf,
          data: { ...verification, idempotencyKey: `${key}-perf` },
        })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.get(
          '/api/reliability/v1/entities/resource/default/filing-db/backups',
          { headers: dr },
        )
      ).status(),
    ).toBe(403);

    const state = await request.get(
      '/api/reliability/v1/entities/resource/default/filing-db/backups',
      { headers: ci },
    );
    expect(state.status()).toBe(200);
    expect((await state.json()).kinds).toContainEqual(
      expect.objectContaining({ kind: 'base-backup', status: 'verified' }),
    );
    const drills = await request.get(
      '/api/reliability/v1/entities/resource/default/filing-db/drills',
      { headers: ci },
    );
    expect((await drills.json()).drills).toContainEqual(
      expect.objectContaining({
        source: `push:${key}`,
        achievedRtoMinutes: 51,
        achievedRpoMinutes: 11,
      }),
    );
  });
});

test.describe('the CI client against the production backend', () => {
  const cli = (args: string[], token: string) =>
    new Promise<{ code: number; out: string; err: string }>(resolve => {
      execFile(
        process.execPath,
        ['packages/readiness-ci/bin/readiness-ci', ...args],
        {
          env: {
            ...process.env,
            READINESS_URL: 'http://localhost:7017',
            READINESS_TOKEN: token,
          },
        },
        (error, out, err) =>
          resolve({ code: error ? Number(error.code) : 0, out, err }),
      );
    });

  test('publishes with the publish-only token and asks the gate with the CI token', async () => {
    const published = await cli(
      [
        'publish',
        '--entity',
        'component:default/assistant',
        '--scenario',
        'assistant-chat',
        '--environment',
        'staging',
        '--release',
        '2026.11.5',
        '--started',
        '2026-11-27T22:00:00Z',
        '--finished',
        '2026-11-27T22:04:30Z',
        '--exit-code',
        '99',
        '--key',
        `cli-${Date.now()}`,
        corpusPath('k6', 'qris-payment', 'summary.json'),
      ],
      PRODUCTION_PERF_PUBLISH_TOKEN,
    );
    expect(published.err).toBe('');
    expect(published.out).toMatch(
      /^published run .* \(k6-handle-summary\); thresholds failed/,
    );
    expect(published.code).toBe(0);

    const gate = await cli(
      [
        'gate',
        '--entity',
        'component:default/assistant',
        '--release',
        '2026.11.5',
        '--environment',
        'staging',
      ],
      PRODUCTION_CI_TOKEN,
    );
    expect(gate.code).toBe(1);
    expect(gate.out).toMatch(
      /^gate FAIL for component:default\/assistant 2026\.11\.5 in staging/,
    );
    expect(gate.out).toMatch(
      /fail\s+thresholds\s+assistant-chat: k6 exited with code 99/,
    );

    const notAllowed = await cli(
      [
        'gate',
        '--entity',
        'component:default/assistant',
        '--release',
        '2026.11.5',
        '--environment',
        'staging',
      ],
      PRODUCTION_PERF_PUBLISH_TOKEN,
    );
    expect(notAllowed.code).toBe(2);
    expect(notAllowed.err).toMatch(/403/);
  });
});
