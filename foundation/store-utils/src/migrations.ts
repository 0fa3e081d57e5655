import { Knex } from 'knex';

/** The part of Backstage's database service that migrations need. */
export type MigratableDatabase = {
  getClient(): Promise<Knex>;
  migrations?: { skip?: boolean };
};

const migrated = new WeakMap<Knex, Map<string, Promise<void>>>();

/**
 * A plugin's database client with the migrations of `directory` applied,
 * unless the deployment applies them itself (`migrations.skip`). Every store
 * of a plugin starts from here; the migrations run once per client and
 * directory, however many stores ask.
 */
export async function migratedClient(
  database: MigratableDatabase,
  directory: string,
): Promise<Knex> {
  const client = await database.getClient();
  if (database.migrations?.skip) return client;
  let byDirectory = migrated.get(client);
  if (!byDirectory) {
    byDirectory = new Map();
    migrated.set(client, byDirectory);
  }
  let done = byDirectory.get(directory);
  if (!done) {
    done = client.migrate.latest({ directory }).then(() => undefined);
    // A failed run is tried again by the next store that asks
    done.catch(() => byDirectory!.delete(directory));
    byDirectory.set(directory, done);
  }
  await done;
  return client;
}
