import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/**
 * The databases every store is tested on: the embedded default and the
 * production engine.
 *
 * @public
 */
export const STORE_TEST_DATABASE_IDS: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_15',
];

/**
 * Environment variable with the connection string of the PostgreSQL server the
 * store tests use, e.g. `postgresql://postgres@127.0.0.1:5432`.
 *
 * @public
 */
export const POSTGRES_CONNECTION_ENV =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * Environment variable that makes a missing PostgreSQL a failure instead of a
 * skipped half of the suite. Set by `./portal test`, and implied by `CI`.
 *
 * @public
 */
export const REQUIRE_POSTGRES_ENV = 'READINESS_REQUIRE_POSTGRES';

/**
 * Whether a run must test on PostgreSQL.
 *
 * @public
 */
export function isPostgresRequired(
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return Boolean(env.CI) || env[REQUIRE_POSTGRES_ENV] === '1';
}

/**
 * Creates the `TestDatabases` for a store test file: SQLite always, the running
 * PostgreSQL through {@link POSTGRES_CONNECTION_ENV}. When PostgreSQL is
 * required (CI) and not configured it throws, so the run fails instead of
 * silently testing half. Docker is never used.
 *
 * Use it at the top of a test file:
 *
 * ```ts
 * const databases = createStoreTestDatabases();
 * describe.each(databases.eachSupportedId())('%s', databaseId => { ... });
 * ```
 *
 * @public
 */
export function createStoreTestDatabases(
  options: { env?: NodeJS.ProcessEnv } = {},
): TestDatabases {
  const env = options.env ?? process.env;
  if (!env[POSTGRES_CONNECTION_ENV]) {
    if (isPostgresRequired(env)) {
      throw new Error(
        `Store tests must run on PostgreSQL too, but ${POSTGRES_CONNECTION_ENV} is not set. ` +
          `Start PostgreSQL and set it (./portal test does), e.g. postgresql://postgres@127.0.0.1:5432`,
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      `${POSTGRES_CONNECTION_ENV} is not set: store tests run on SQLite only`,
    );
  }
  return TestDatabases.create({
    ids: STORE_TEST_DATABASE_IDS,
    disableDocker: true,
  });
}

/**
 * A `DatabaseService` over a test database, for stores built with
 * `Store.create({ database })`.
 *
 * @public
 */
export function databaseServiceFor(
  knex: Knex,
  options: { skipMigrations?: boolean } = {},
): DatabaseService {
  return mockServices.database({
    knex,
    migrations: { skip: options.skipMigrations ?? false },
  });
}
