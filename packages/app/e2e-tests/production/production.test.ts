import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
// @ts-ignore a plain ES module shared with resetDatabases.mjs
import { connectLocalPostgres } from './postgres.mjs';
import { PRODUCTION_CI_TOKEN } from '../constants';

const ci = { Authorization: `Bearer ${PRODUCTION_CI_TOKEN}` };

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
      { headers: { ...ci, Accept: 'text/event-stream' }, timeout: 120_000 },
    );
    expect(sync.status()).toBe(200);
    expect(await sync.text()).toMatch(/event: finish/);

    const page = await request.get(
      '/api/techdocs/static/docs/default/system/readiness-portal/index.html',
      { headers: ci },
    );
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('Readiness Portal');
    await expect.poll(() => redisKeys().length).toBeGreaterThan(0);
  });
});
