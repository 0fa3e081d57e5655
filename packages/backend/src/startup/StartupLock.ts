/*
 * Replicas that start at the same moment on the same PostgreSQL take turns:
 * each holds a session-level advisory lock from before its plugins touch
 * their databases until the backend has started. The first one creates the
 * plugin databases and runs every plugin's migrations; the others find them
 * done. A migration that a plugin runs later (the scheduler creates its
 * tables on first use) takes the same lock. A replica that dies while it
 * holds the lock loses it with its connection, so the next one goes on.
 */
import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Client, ClientConfig } from 'pg';

/** How long a replica waits for another one to finish starting. */
export const DEFAULT_STARTUP_LOCK_TIMEOUT_MS = 5 * 60_000;

const POLL_MS = 250;

/**
 * The two 32-bit keys of the advisory lock of one portal installation:
 * replicas that share a database prefix share the lock, while another portal
 * on the same server (another prefix) starts without waiting for it.
 */
export function startupLockKeys(prefix: string): [number, number] {
  const digest = createHash('sha256')
    .update(`readiness-portal:startup:${prefix}`)
    .digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

/**
 * Where the lock is taken: the configured database, or the server's
 * `postgres` database when the configuration names none (the backend then
 * creates one database per plugin).
 */
export function lockConnection(connection: unknown): ClientConfig {
  if (typeof connection === 'string') {
    try {
      const url = new URL(connection);
      if (url.pathname === '' || url.pathname === '/') {
        url.pathname = '/postgres';
      }
      return { connectionString: url.toString() };
    } catch {
      return { connectionString: connection };
    }
  }
  const fields = (connection ?? {}) as ClientConfig;
  return { ...fields, database: fields.database ?? 'postgres' };
}

/** A held start-up lock. */
export class StartupLock {
  #client: Client | undefined;

  private constructor(client: Client) {
    this.#client = client;
  }

  /**
   * Waits until no other replica of this installation is starting, then
   * holds the lock. Fails when the database cannot be reached or the wait
   * exceeds `timeoutMs`.
   */
  static async acquire(options: {
    connection: ClientConfig;
    keys: [number, number];
    logger: LoggerService;
    timeoutMs?: number;
    pollMs?: number;
  }): Promise<StartupLock> {
    const { keys, logger } = options;
    const timeoutMs = options.timeoutMs ?? DEFAULT_STARTUP_LOCK_TIMEOUT_MS;
    const client = new Client({ ...options.connection, keepAlive: true });
    // A lost connection must not crash the process; the lock is lost with it
    client.on('error', error =>
      logger.warn(`The start-up lock's database connection failed`, error),
    );
    await client.connect();
    const started = Date.now();
    let waiting = false;
    try {
      for (;;) {
        const { rows } = await client.query(
          'select pg_try_advisory_lock($1, $2) as locked',
          keys,
        );
        if (rows[0].locked) break;
        if (!waiting) {
          logger.info(
            'Another replica is starting or migrating on this database; waiting for it to finish',
          );
          waiting = true;
        }
        if (Date.now() - started >= timeoutMs) {
          throw new Error(
            `Another replica held the start-up lock for more than ${Math.round(
              timeoutMs / 1000,
            )} seconds`,
          );
        }
        await new Promise(resolve =>
          setTimeout(resolve, options.pollMs ?? POLL_MS),
        );
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (waiting) {
      logger.info(
        `Took the start-up lock after waiting ${Math.round(
          (Date.now() - started) / 1000,
        )} seconds`,
      );
    }
    const lock = new StartupLock(client);
    client.on('error', () => {
      lock.#client = undefined;
    });
    return lock;
  }

  /** Whether this process still holds the lock. */
  get held(): boolean {
    return this.#client !== undefined;
  }

  /** Lets the next replica start; closing the connection releases the lock. */
  async release(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
