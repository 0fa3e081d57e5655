import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { clearStaleMigrationLocks, guardMigrations } from './migrationLocks';
import { lockConnection, StartupLock, startupLockKeys } from './StartupLock';
import { POSTGRES_CONNECTION_ENV } from '@readiness/backend-test-utils';

const databases = createStoreTestDatabases();
const onPostgres = databases.supports('POSTGRES_15') ? describe : describe.skip;

onPostgres('clearStaleMigrationLocks on PostgreSQL', () => {
  let db: Knex;
  const logger = mockServices.logger.mock();

  const lockRows = (table: string) =>
    db(table).select('is_locked').orderBy('index');

  const lockTable = async (table: string, rows: number[]) => {
    await db.schema.dropTableIfExists(table);
    await db.schema.createTable(table, t => {
      t.increments('index').primary();
      t.integer('is_locked');
    });
    if (rows.length > 0) {
      await db(table).insert(rows.map(is_locked => ({ is_locked })));
    }
  };

  beforeAll(async () => {
    db = await databases.init('POSTGRES_15');
  });

  it('repairs lock tables left with two rows or a lock nobody holds', async () => {
    await lockTable('knex_migrations_lock', [0, 0]);
    await lockTable('backstage_backend_tasks__knex_migrations_lock', [1]);
    await lockTable('backstage_backend_public_keys__knex_migrations_lock', [0]);
    await lockTable('other_knex_migrations_lock', []);

    const repaired = await clearStaleMigrationLocks(db, logger);

    expect(repaired.sort()).toEqual([
      'public.backstage_backend_tasks__knex_migrations_lock',
      'public.knex_migrations_lock',
    ]);
    for (const table of [
      'knex_migrations_lock',
      'backstage_backend_tasks__knex_migrations_lock',
      'backstage_backend_public_keys__knex_migrations_lock',
    ]) {
      expect(await lockRows(table)).toEqual([{ is_locked: 0 }]);
    }
    // knex adds the row of a table without one itself
    expect(await lockRows('other_knex_migrations_lock')).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Cleared a stale migration lock in public.knex_migrations_lock (2 rows, locked: 0)',
    );
  });

  it('lets migrations run again on a repaired table', async () => {
    await db.schema.dropTableIfExists('knex_migrations');
    await lockTable('knex_migrations_lock', [0, 0]);
    const migrate = () =>
      db.migrate.latest({
        migrationSource: {
          getMigrations: async () => ['0001_things'],
          getMigrationName: (name: string) => name,
          getMigration: async () => ({
            up: (k: Knex) =>
              k.schema.createTable('things', t => t.string('id')),
            down: (k: Knex) => k.schema.dropTable('things'),
          }),
        },
      });
    await expect(migrate()).rejects.toThrow(/already locked/);
    await clearStaleMigrationLocks(db, logger);
    await migrate();
    expect(await db.schema.hasTable('things')).toBe(true);
    expect(await clearStaleMigrationLocks(db, logger)).toEqual([]);
  });

  it('runs the migrations of two replicas one after the other, each once', async () => {
    // Two replicas' clients of one fresh database, migrating at the same moment
    const replicas = [db, knexFactory(db.client.config)];
    await Promise.all(
      ['knex_migrations', 'knex_migrations_lock', 'things'].map(table =>
        db.schema.dropTableIfExists(table),
      ),
    );
    const settings = {
      connection: lockConnection(process.env[POSTGRES_CONNECTION_ENV]!),
      keys: startupLockKeys(`test_${randomUUID()}_`),
      logger,
      pollMs: 10,
    };
    const exclusive = async <T>(run: () => Promise<T>) => {
      const lock = await StartupLock.acquire(settings);
      try {
        return await run();
      } finally {
        await lock.release();
      }
    };
    let applied = 0;
    const source = {
      getMigrations: async () => ['0001_things'],
      getMigrationName: (name: string) => name,
      getMigration: async () => ({
        up: async (k: Knex) => {
          applied += 1;
          await k.schema.createTable('things', t => t.string('id'));
        },
        down: (k: Knex) => k.schema.dropTable('things'),
      }),
    };
    try {
      await Promise.all(
        replicas.map(replica =>
          guardMigrations(replica, exclusive).migrate.latest({
            migrationSource: source,
          }),
        ),
      );
    } finally {
      await replicas[1].destroy();
    }
    expect(applied).toBe(1);
    expect(await lockRows('knex_migrations_lock')).toEqual([{ is_locked: 0 }]);
    expect(await db('knex_migrations').count({ n: '*' })).toEqual([{ n: '1' }]);
  });
});
