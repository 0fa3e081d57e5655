// Drops the databases of the previous production-config test run, so every
// run starts from empty databases on the shared PostgreSQL.
import { connectLocalPostgres } from './postgres.mjs';

const client = await connectLocalPostgres('postgres');
const { rows } = await client.query(
  "select datname from pg_database where datname like 'readiness_e2e_%'",
);
for (const { datname } of rows) {
  await client.query(`drop database if exists "${datname}" with (force)`);
}
await client.end();
// eslint-disable-next-line no-console
console.log(`dropped ${rows.length} databases of the previous run`);
