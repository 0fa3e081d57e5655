import path from 'node:path';
import { defineConfig } from '@playwright/test';

/*
 * Browser tests drive Debian's Chromium against the real backend serving the
 * built app (packages/app/dist), on SQLite in development mode. Production
 * tests call a second backend started with app-config.production.yaml on the
 * local PostgreSQL and Redis. Run through ./portal test, which builds the app.
 */

const chromium = process.env.READINESS_CHROMIUM ?? '/usr/bin/chromium';
const results = path.resolve(
  process.env.READINESS_TEST_RESULTS ?? 'test-results',
);
const e2e = 'packages/app/e2e-tests';
// The backend from its sources, as `backstage-cli package start` runs it but
// without restarting it when a file changes under a running test; started
// from the repository's root, as a container starts the bundle from /app
// (the backend moves into packages/backend, where config paths start). The
// transform's path is absolute: the backend's worker threads inherit it
// after the move.
const backend = `node --enable-source-maps --require ${path.resolve(
  'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
)} packages/backend/src/index.ts`;

import { productionBackendEnvironment } from './packages/app/e2e-tests/constants';

export default defineConfig({
  testDir: e2e,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: `${results}/playwright.json` }]],
  outputDir: `${results}/playwright-artifacts`,
  webServer: [
    {
      // Stand-in identity provider for the production-config backend's OIDC
      command: `node ${e2e}/production/fakeOidcIssuer.mjs`,
      url: 'http://127.0.0.1:7018/.well-known/openid-configuration',
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: `${backend} --config app-config.yaml --config ${e2e}/app-config.e2e.yaml > ${results}/backend-dev.log 2>&1`,
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      timeout: 180_000,
      reuseExistingServer: false,
      env: { NODE_ENV: 'development' },
    },
    {
      command: `node ${e2e}/production/resetDatabases.mjs && ${backend} --config app-config.yaml --config app-config.production.yaml --config ${e2e}/app-config.production-test.yaml > ${results}/backend-production.log 2>&1`,
      url: 'http://localhost:7017/.backstage/health/v1/readiness',
      timeout: 180_000,
      reuseExistingServer: false,
      env: productionBackendEnvironment({
        port: 7017,
        redisUrl: process.env.READINESS_REDIS_URL ?? 'redis://127.0.0.1:6379',
        oidcPort: 7018,
      }),
    },
  ],
  projects: [
    {
      name: 'browser',
      testDir: `${e2e}/browser`,
      use: {
        baseURL: 'http://localhost:7007',
        viewport: { width: 1440, height: 900 },
        screenshot: 'only-on-failure',
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      // Every route of every backend plugin, for every caller (docs/access/leak-suite.md)
      name: 'leaks',
      testDir: `${e2e}/leaks`,
      use: { baseURL: 'http://localhost:7007' },
    },
    {
      name: 'production',
      testDir: `${e2e}/production`,
      use: { baseURL: 'http://localhost:7017' },
    },
    {
      // Two production-config backends it starts itself on databases of
      // their own: start-up, scheduling, publications, a database fault
      // (docs/operations/replicas.md)
      name: 'replicas',
      testDir: `${e2e}/replicas`,
    },
  ],
});
