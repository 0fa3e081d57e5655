import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { migratedClient as migrated } from '@readiness/store-utils';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-reliability-backend',
  'migrations',
);

/** The plugin's database client, migrated once unless the backend skips migrations. */
export function migratedClient(database: DatabaseService): Promise<Knex> {
  return migrated(database, migrationsDir);
}
