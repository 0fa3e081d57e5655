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
