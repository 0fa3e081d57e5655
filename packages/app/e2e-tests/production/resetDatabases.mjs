// Drops the databases of the previous production-config test run, so every
// run starts from empty databases on the shared PostgreSQL.
import { dropDatabasesWithPrefix } from './postgres.mjs';

const dropped = await dropDatabasesWithPrefix('readiness_e2e_');
// eslint-disable-next-line no-console
console.log(`dropped ${dropped} databases of the previous run`);
