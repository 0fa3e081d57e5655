// Checks, outside a container, what the image (Dockerfile) does inside one:
// builds the backend bundle with the app (yarn build:backend), installs the
// production dependencies of its skeleton alone in a fresh folder, unpacks the
// bundle and the portal's files there as the image lays them out in /app, and
// starts the image's command from that folder with the production config on
// the local PostgreSQL and Redis (databases prefixed readiness_bundle_, dropped
// before and after). It then reads the catalog with the CI token, the built
// app's page and the readiness endpoint, and prints a JSON report; it exits 1
// when any check fails. `--no-build` reuses packages/backend/dist.
//
//   node scripts/image/check-bundle.mjs [--no-build] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabasesWithPrefix } from '../../packages/app/e2e-tests/production/postgres.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const args = new Set(process.argv.slice(2));
const PORT = 7047;
const OIDC_PORT = 7048;
const PREFIX = 'readiness_bundle_';
const CI_TOKEN = 'bundle-check-ci-token-0123456789abcdef';
const report = { checks: {} };

const log = message => process.stderr.write(`${message}\n`);
const seconds = since => Number(((Date.now() - since) / 1000).toFixed(1));
function run(command, commandArgs, options = {}) {
  execFileSync(command, commandArgs, { stdio: ['ignore', 2, 2], ...options });
}
function du(dir) {
  return Number(execFileSync('du', ['-sm', dir]).toString().split('\t')[0]);
}
// The files the image copies beside the bundle (Dockerfile, stage 1)
const FILES = [
  'app-config.yaml',
  'app-config.production.yaml',
  'catalog-info.yaml',
  'mkdocs.yml',
  'redocly.yaml',
  'catalog',
  'services',
  'compliance',
  'scorecards',
  'docs',
];

async function main() {
  const dist = path.join(root, 'packages/backend/dist');
  if (!args.has('--no-build')) {
    log('building the backend bundle with the app (yarn build:backend)');
    const started = Date.now();
    run('yarn', ['build:backend'], { cwd: root });
    report.buildSeconds = seconds(started);
  }
  report.bundleMb = Number(
    (fs.statSync(path.join(dist, 'bundle.tar.gz')).size / 1e6).toFixed(1),
  );

  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bundle-'));
  report.folder = app;
  log(`laying the image out in ${app}`);
  for (const file of [
    '.yarnrc.yml',
    'package.json',
    'yarn.lock',
    'backstage.json',
  ]) {
    fs.copyFileSync(path.join(root, file), path.join(app, file));
  }
  fs.cpSync(
    path.join(root, '.yarn/releases'),
    path.join(app, '.yarn/releases'),
    {
      recursive: true,
    },
  );
  run('tar', ['xzf', path.join(dist, 'skeleton.tar.gz')], { cwd: app });
  log(
    'installing the production dependencies (yarn workspaces focus --all --production)',
  );
  let started = Date.now();
  // Native modules build against this Node's own headers, as in bootstrap.sh
  run('yarn', ['workspaces', 'focus', '--all', '--production'], {
    cwd: app,
    env: {
      ...process.env,
      npm_config_nodedir:
        process.env.npm_config_nodedir ??
        path.resolve(process.execPath, '../..'),
    },
  });
  report.installSeconds = seconds(started);
  report.nodeModulesMb = du(path.join(app, 'node_modules'));
  run('tar', ['xzf', path.join(dist, 'bundle.tar.gz')], { cwd: app });
  for (const file of FILES) {
    fs.cpSync(path.join(root, file), path.join(app, file), { recursive: true });
  }
  for (const plugin of fs.readdirSync(path.join(root, 'plugins'))) {
    const schema = path.join('plugins', plugin, 'src/schema/openapi.yaml');
    if (plugin.endsWith('-backend') && fs.existsSync(path.join(root, schema))) {
      fs.mkdirSync(path.dirname(path.join(app, schema)), { recursive: true });
      fs.copyFileSync(path.join(root, schema), path.join(app, schema));
    }
  }
  // What the check adds to the production config: its own databases and a CI token
  fs.writeFileSync(
    path.join(app, 'app-config.bundle-check.yaml'),
    `backend:\n  database:\n    prefix: ${PREFIX}\n`,
  );

  await dropDatabasesWithPrefix(PREFIX);
  const oidc = spawn(
    process.execPath,
    [path.join(root, 'packages/app/e2e-tests/production/fakeOidcIssuer.mjs')],
    {
      env: { ...process.env, FAKE_OIDC_PORT: String(OIDC_PORT) },
      stdio: 'ignore',
    },
  );
  const backendLog = path.join(app, 'backend.log');
  const out = fs.openSync(backendLog, 'w');
  log(`starting the image's command in ${app}`);
  started = Date.now();
  // The image's CMD, from the folder the image runs in (its WORKDIR, /app)
  const backend = spawn(
    process.execPath,
    [
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
      '--config',
      'app-config.bundle-check.yaml',
    ],
    {
      cwd: app,
      stdio: ['ignore', out, out],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PORTAL_BASE_URL: `http://localhost:${PORT}`,
        PORTAL_PORT: String(PORT),
        BACKEND_SECRET: 'bundle-check-backend-secret-0123456789',
        AUTH_SESSION_SECRET: 'bundle-check-session-secret-0123456789',
        PORTAL_CI_TOKEN: CI_TOKEN,
        PORTAL_PERF_PUBLISH_TOKEN: 'bundle-check-perf-token-0123456789',
        PORTAL_DR_PUBLISH_TOKEN: 'bundle-check-dr-token-0123456789',
        PORTAL_COMPLIANCE_PUBLISH_TOKEN: 'bundle-check-compliance-token-0123',
        PORTAL_SCORECARDS_PUBLISH_TOKEN: 'bundle-check-scorecards-token-0123',
        PORTAL_PARTNER_EVENTS_TOKEN: 'bundle-check-partner-events-token-01',
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: '5432',
        POSTGRES_USER: 'postgres',
        POSTGRES_PASSWORD: 'unused-with-trust-auth',
        REDIS_URL: process.env.READINESS_REDIS_URL ?? 'redis://127.0.0.1:6379',
        OIDC_METADATA_URL: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
        OIDC_CLIENT_ID: 'bundle-check-client',
        OIDC_CLIENT_SECRET: 'bundle-check-secret',
      },
    },
  );
  let exited;
  backend.on('exit', code => (exited = code));
  const base = `http://127.0.0.1:${PORT}`;
  try {
    let ready = false;
    while (!ready && exited === undefined && Date.now() - started < 300_000) {
      await new Promise(r => setTimeout(r, 1000));
      ready = await fetch(`${base}/.backstage/health/v1/readiness`).then(
        r => r.ok,
        () => false,
      );
    }
    report.checks.ready = ready;
    report.secondsToReady = ready ? seconds(started) : undefined;
    if (ready) {
      // The catalog reads its files (paths relative to packages/backend) shortly after start
      let ledger = 0;
      for (let i = 0; i < 60 && ledger !== 200; i++) {
        ledger = await fetch(
          `${base}/api/catalog/entities/by-name/component/default/ledger`,
          { headers: { authorization: `Bearer ${CI_TOKEN}` } },
        ).then(
          r => r.status,
          () => 0,
        );
        if (ledger !== 200) await new Promise(r => setTimeout(r, 1000));
      }
      report.checks.catalogReadsItsFiles = ledger === 200;
      report.checks.refusesWithoutToken =
        (await fetch(`${base}/api/catalog/entities?limit=1`)).status === 401;
      const page = await fetch(`${base}/`);
      report.checks.servesTheApp =
        page.ok && (await page.text()).includes('<div id="root">');
      report.backendRssMb = Math.round(
        Number(
          fs
            .readFileSync(`/proc/${backend.pid}/status`, 'utf8')
            .match(/VmRSS:\s+(\d+)/)[1],
        ) / 1024,
      );
    }
  } finally {
    backend.kill('SIGTERM');
    oidc.kill();
    await new Promise(r => setTimeout(r, 2000));
    await dropDatabasesWithPrefix(PREFIX);
    report.passed =
      report.checks.ready === true &&
      Object.values(report.checks).every(Boolean);
    if (!report.passed) {
      log(
        `the backend's log ends with:\n${fs
          .readFileSync(backendLog, 'utf8')
          .slice(-3000)}`,
      );
    }
    if (!args.has('--keep')) fs.rmSync(app, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.passed ? 0 : 1);
}

main().catch(error => {
  log(error.stack ?? String(error));
  process.exit(1);
});
