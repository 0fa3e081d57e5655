import {
  createStoreTestDatabases,
  databaseServiceFor,
  isPostgresRequired,
  POSTGRES_CONNECTION_ENV,
  REQUIRE_POSTGRES_ENV,
} from './storeDatabases';

const databases = createStoreTestDatabases();

describe('createStoreTestDatabases', () => {
  it('includes PostgreSQL whenever a run requires it', () => {
    expect(databases.supports('SQLITE_3')).toBe(true);
    // Creating the databases would have thrown if PostgreSQL were required and absent
    expect(databases.supports('POSTGRES_15')).toBe(
      Boolean(process.env[POSTGRES_CONNECTION_ENV]),
    );
    expect(isPostgresRequired() && !process.env[POSTGRES_CONNECTION_ENV]).toBe(
      false,
    );
  });

  it('fails instead of skipping when PostgreSQL is required and missing', () => {
    expect(() => createStoreTestDatabases({ env: { CI: 'true' } })).toThrow(
      POSTGRES_CONNECTION_ENV,
    );
    expect(() =>
      createStoreTestDatabases({ env: { [REQUIRE_POSTGRES_ENV]: '1' } }),
    ).toThrow(/must run on PostgreSQL/);
  });

  it('knows when PostgreSQL is required', () => {
    expect(isPostgresRequired({})).toBe(false);
    expect(isPostgresRequired({ CI: '1' })).toBe(true);
    expect(isPostgresRequired({ [REQUIRE_POSTGRES_ENV]: '1' })).toBe(true);
  });
});

describe.each(databases.eachSupportedId())('on %s', databaseId => {
  it('gives a fresh database a store can migrate and use in transactions', async () => {
    const knex = await databases.init(databaseId);
    const database = databaseServiceFor(knex);
    const client = await database.getClient();

    await client.schema.createTable('probe', table => {
      table.string('id').primary();
      table.integer('count').notNullable();
    });
    await client('probe').insert({ id: 'a', count: 1 });

    // A failing transaction leaves nothing behind. The outcome is captured as
    // text: driver errors may come from another module realm than the test's
    const outcome = await client
      .transaction(async tx => {
        await tx('probe').insert({ id: 'b', count: 2 });
        await tx('probe').insert({ id: 'a', count: 3 });
      })
      .then(
        () => 'committed',
        (error: { message?: string }) => String(error?.message),
      );
    expect(outcome).toMatch(/unique|duplicate/i);

    const rows = await client('probe').select('id', 'count').orderBy('id');
    expect(rows).toEqual([{ id: 'a', count: 1 }]);
    expect(database.migrations?.skip).toBe(false);
  });
});
