import {
  coreServices,
  createServiceFactory,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import { clearStaleMigrationLocks, guardMigrations } from './migrationLocks';
import { lockConnection, StartupLock, startupLockKeys } from './StartupLock';

const DEFAULT_PREFIX = 'backstage_plugin_';

type LockSettings = Parameters<typeof StartupLock.acquire>[0];

/**
 * The start of this backend process on PostgreSQL (StartupLock.ts): its
 * database service takes the installation's lock before the first plugin
 * gets its database, and `release()` lets the next replica start once the
 * backend has started. Every migration of a plugin runs under that lock: at
 * start-up this process holds it already, later a migration takes it. While
 * it holds the lock, a replica repairs the migration lock tables that a
 * replica dying mid-migration left behind. On SQLite nothing of this applies.
 */
export class StartupGuard {
  #lock: StartupLock | undefined;
  #settings: LockSettings | undefined;
  // Migrations started while this process held the lock since its start
  #running = new Set<Promise<unknown>>();

  /** Backstage's database service, with the lock (replaces the default). */
  readonly databaseServiceFactory = createServiceFactory({
    service: coreServices.database,
    deps: {
      config: coreServices.rootConfig,
      lifecycle: coreServices.lifecycle,
      logger: coreServices.logger,
      pluginMetadata: coreServices.pluginMetadata,
      rootLifecycle: coreServices.rootLifecycle,
      rootLogger: coreServices.rootLogger,
    },
    createRootContext: async ({ config, rootLifecycle, rootLogger }) => {
      const database = config.getOptionalConfig('backend.database');
      const manager = DatabaseManager.fromConfig(
        database
          ? config
          : new ConfigReader({
              backend: {
                database: { client: 'better-sqlite3', connection: ':memory:' },
              },
            }),
        { rootLifecycle, rootLogger },
      );
      if (database?.getString('client') !== 'pg') {
        return { manager, guarded: false };
      }
      this.#settings = {
        connection: lockConnection(database.getOptional('connection')),
        keys: startupLockKeys(
          database.getOptionalString('prefix') ?? DEFAULT_PREFIX,
        ),
        logger: rootLogger.child({ type: 'startupLock' }),
      };
      this.#lock = await StartupLock.acquire(this.#settings);
      rootLifecycle.addShutdownHook(() => this.release());
      return { manager, guarded: true };
    },
    factory: async (
      { pluginMetadata, lifecycle, logger },
      { manager, guarded },
    ) => {
      const service = manager.forPlugin(pluginMetadata.getId(), {
        lifecycle,
        logger,
      });
      return guarded ? this.#guard(service, logger) : service;
    },
  });

  /**
   * Lets the next replica start, once the migrations begun under the lock
   * have ended; call it once the backend has started.
   */
  async release(): Promise<void> {
    const lock = this.#lock;
    this.#lock = undefined;
    await Promise.allSettled([...this.#running]);
    await lock?.release();
  }

  /** Runs a migration under the installation's lock. */
  #exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!this.#settings) return run();
    // During its start this process holds the lock already
    if (this.#lock?.held) {
      const running = run();
      this.#running.add(running);
      running
        .catch(() => undefined)
        .finally(() => this.#running.delete(running));
      return running;
    }
    const lock = await StartupLock.acquire(this.#settings);
    try {
      return await run();
    } finally {
      await lock.release();
    }
  };

  #guard(service: DatabaseService, logger: LoggerService): DatabaseService {
    let client: ReturnType<DatabaseService['getClient']> | undefined;
    return {
      migrations: service.migrations,
      getClient: () => {
        client ??= service.getClient().then(async db => {
          await this.#exclusive(async () => {
            await clearStaleMigrationLocks(db, logger);
          });
          return guardMigrations(db, this.#exclusive);
        });
        client.catch(() => {
          client = undefined;
        });
        return client;
      },
    };
  }
}
