import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/**
 * Puts back into shape every knex migration lock table of a plugin's
 * PostgreSQL database that is locked or has more than one row. Called only
 * while this process holds the installation's lock, when no other replica
 * can be migrating: a lock still set was left by a replica that died during
 * its migrations, and two rows by replicas that created the table at the
 * same moment before they took turns. Either one made every later start fail
 * with "Migration table is already locked". (A table without a row is left
 * alone: knex adds the row itself.)
 *
 * Returns the tables it repaired, as `schema.table`.
 */
export async function clearStaleMigrationLocks(
  db: Knex,
  logger: LoggerService,
): Promise<string[]> {
  const { rows: tables } = await db.raw<{
    rows: Array<{ table_schema: string; table_name: string }>;
  }>(
    `select table_schema, table_name from information_schema.tables
      where table_name like '%knex\\_migrations\\_lock'
        and table_schema = any (current_schemas(false))`,
  );
  const repaired: string[] = [];
  for (const { table_schema: schema, table_name: table } of tables) {
    const lockTable = db.raw('??.??', [schema, table]);
    const [state] = await db
      .from(lockTable)
      .select(
        db.raw('count(*)::int as rows'),
        db.raw('coalesce(max(is_locked), 0)::int as locked'),
      );
    if (state.rows <= 1 && state.locked === 0) continue;
    await db.transaction(async tx => {
      await tx.from(lockTable).delete();
      await tx.into(lockTable).insert({ is_locked: 0 });
    });
    logger.warn(
      `Cleared a stale migration lock in ${schema}.${table} (${state.rows} rows, locked: ${state.locked})`,
    );
    repaired.push(`${schema}.${table}`);
  }
  return repaired;
}

const GUARDED = Symbol('migrations guarded');
// Every method of knex's migrator that creates or reads its tables
const RUNS = [
  'latest',
  'up',
  'down',
  'rollback',
  'status',
  'currentVersion',
  'list',
  'forceFreeMigrationsLock',
];

/**
 * Makes every migration run on `db` (`db.migrate.latest()` and the other
 * runs, by whatever code: Backstage's plugins, its scheduler and key store,
 * our stores) go through `exclusive`, which holds the installation's lock
 * around it. knex's own lock refuses a second process instead of making it
 * wait, and two processes creating its lock table at once leave it broken;
 * with this, migrations of one installation never run at the same time.
 */
export function guardMigrations(
  db: Knex,
  exclusive: <T>(run: () => Promise<T>) => Promise<T>,
): Knex {
  const guarded = db as Knex & { [GUARDED]?: true };
  if (guarded[GUARDED]) return db;
  const descriptor = Object.getOwnPropertyDescriptor(db, 'migrate');
  const migrator = descriptor?.get;
  if (!migrator) return db;
  Object.defineProperty(db, 'migrate', {
    configurable: true,
    get() {
      const target = migrator.call(db);
      return new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver);
          if (typeof property === 'string' && RUNS.includes(property)) {
            return (...args: unknown[]) =>
              exclusive(() => value.apply(object, args));
          }
          return value;
        },
      });
    },
  });
  Object.defineProperty(db, GUARDED, { value: true });
  return db;
}
