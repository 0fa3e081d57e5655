/*
 * Production-config backends started from the sources the way a container
 * starts its process (node itself, no watcher that would restart it), on the
 * local PostgreSQL and Redis, with databases and a Redis database of their
 * own. Used by replicas.test.ts.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dropDatabasesWithPrefix } from '../production/postgres.mjs';
import { productionBackendEnvironment } from '../constants';

const root = path.resolve(__dirname, '../../../..');
const e2e = 'packages/app/e2e-tests';
const results = path.resolve(
  root,
  process.env.READINESS_TEST_RESULTS ?? 'test-results',
);

/** The database prefix of app-config.replicas-test.yaml. */
export const REPLICA_DATABASE_PREFIX = 'readiness_replicas_';

/** The port of the stand-in OIDC issuer the replicas are configured with. */
export const REPLICA_OIDC_PORT = 7063;

/** The Redis database the replicas share (the production test uses 0). */
export function replicaRedisUrl(): string {
  const url = new URL(
    process.env.READINESS_REDIS_URL ?? 'redis://127.0.0.1:6379',
  );
  url.pathname = '/5';
  return url.toString();
}

/** Drops every database of earlier replica runs; the next start creates them. */
export async function dropReplicaDatabases(): Promise<number> {
  return dropDatabasesWithPrefix(REPLICA_DATABASE_PREFIX);
}

/** Empties the replicas' Redis database. */
export function flushReplicaCache(): void {
  execFileSync('redis-cli', ['-u', replicaRedisUrl(), 'flushdb']);
}

/** Starts the stand-in OIDC issuer the production configuration needs. */
export function startOidcIssuer(): ChildProcess {
  return spawn(
    process.execPath,
    [path.join(root, e2e, 'production/fakeOidcIssuer.mjs')],
    {
      env: { ...process.env, FAKE_OIDC_PORT: String(REPLICA_OIDC_PORT) },
      stdio: 'ignore',
    },
  );
}

/** One backend process with app-config.production.yaml. */
export class ReplicaBackend {
  readonly url: string;
  readonly log: string;
  #exit: Promise<number | null>;
  #exited: number | null | undefined;

  private constructor(
    private readonly child: ChildProcess,
    port: number,
    log: string,
  ) {
    this.url = `http://localhost:${port}`;
    this.log = log;
    this.#exit = new Promise(resolve => {
      child.once('exit', code => {
        this.#exited = code;
        resolve(code);
      });
    });
  }

  /**
   * Starts a backend on `port`, logging to test-results/<name>.log.
   * `environment` replaces variables of the production environment, e.g. a
   * database that cannot be reached.
   */
  static start(options: {
    port: number;
    name: string;
    environment?: Record<string, string>;
  }): ReplicaBackend {
    const { port, name } = options;
    fs.mkdirSync(results, { recursive: true });
    const log = path.join(results, `${name}.log`);
    const out = fs.openSync(log, 'w');
    const child = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        path.join(
          root,
          'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
        ),
        'src/index.ts',
        ...[
          'app-config.yaml',
          'app-config.production.yaml',
          `${e2e}/app-config.production-test.yaml`,
          `${e2e}/replicas/app-config.replicas-test.yaml`,
        ].flatMap(file => ['--config', path.join(root, file)]),
      ],
      {
        cwd: path.join(root, 'packages/backend'),
        // Its own process group, so stopping it stops what it started
        detached: true,
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          ...productionBackendEnvironment({
            port,
            redisUrl: replicaRedisUrl(),
            oidcPort: REPLICA_OIDC_PORT,
          }),
          ...options.environment,
        },
      },
    );
    fs.closeSync(out);
    return new ReplicaBackend(child, port, log);
  }

  /** The exit code once the process has ended; undefined while it runs. */
  get exitCode(): number | null | undefined {
    return this.#exited;
  }

  /** Resolves with the exit code when the process ends. */
  exited(): Promise<number | null> {
    return this.#exit;
  }

  /** The readiness endpoint's status, or 0 when nothing answers. */
  async readiness(): Promise<number> {
    try {
      const response = await fetch(
        `${this.url}/.backstage/health/v1/readiness`,
      );
      return response.status;
    } catch {
      return 0;
    }
  }

  /**
   * Waits until the backend is ready: true, or false when the process ended
   * or `timeoutMs` passed first.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.#exited === undefined) {
      if ((await this.readiness()) === 200) return true;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    return false;
  }

  /** Kills the backend at once (SIGKILL), as a node that dies does. */
  async kill(): Promise<void> {
    if (this.#exited !== undefined || !this.child.pid) return;
    process.kill(-this.child.pid, 'SIGKILL');
    await this.#exit;
  }

  /** Stops the backend as an orchestrator does: SIGTERM, then SIGKILL. */
  async stop(): Promise<void> {
    if (this.#exited !== undefined || !this.child.pid) return;
    const group = -this.child.pid;
    process.kill(group, 'SIGTERM');
    const stopped = await Promise.race([
      this.#exit.then(() => true),
      new Promise<boolean>(resolve => setTimeout(() => resolve(false), 20_000)),
    ]);
    if (!stopped) {
      process.kill(group, 'SIGKILL');
      await this.#exit;
    }
  }
}
