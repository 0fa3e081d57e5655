// The local PostgreSQL the production-config test runs on (trust auth).
import pg from 'pg';

/** Opens a connection to one database of the local PostgreSQL. */
export async function connectLocalPostgres(database) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database,
  });
  await client.connect();
  return client;
}

/**
 * Drops every database of the local PostgreSQL whose name starts with
 * `prefix` (a test run's or a check's own databases); answers how many.
 */
export async function dropDatabasesWithPrefix(prefix) {
  const client = await connectLocalPostgres('postgres');
  try {
    const { rows } = await client.query(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
    return rows.length;
  } finally {
    await client.end();
  }
}
