import path from 'node:path';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';

const databases = createStoreTestDatabases();
const directory = path.resolve(__dirname, '../../migrations');

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, down with rows in the tables, and up again', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    await knex('api_spec_contents').insert({
      content_hash: 'a'.repeat(64),
      content: 'openapi: 3.0.3',
      size_bytes: 14,
      created_at: new Date(),
    });
    await knex('api_lint_problems').insert({
      content_hash: 'a'.repeat(64),
      rule_id: 'struct',
      severity: 'error',
      message: 'm',
    });
    await knex('api_entities').insert({
      entity_ref: 'api:default/ledger-api',
      family: 'ledger-api',
      partner_facing: false,
      current_revision_id: 'r1',
      current_content_hash: 'a'.repeat(64),
      catalog_etag: 'etag-1',
      updated_at: new Date(),
    });
    // The etag column goes and comes back without touching the rows
    await knex.migrate.down({
      directory,
      name: '20261128220000_api_portal_catalog_etags.js',
    });
    expect(await knex.schema.hasColumn('api_entities', 'catalog_etag')).toBe(
      false,
    );
    const [{ n }] = await knex('api_entities').count({ n: '*' });
    expect(Number(n)).toBe(1);
    await knex.migrate.latest({ directory });
    expect(
      await knex('api_entities').select('entity_ref', 'catalog_etag'),
    ).toEqual([{ entity_ref: 'api:default/ledger-api', catalog_etag: null }]);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('api_spec_contents')).toBe(false);
    await knex.migrate.latest({ directory });
    for (const table of [
      'api_spec_contents',
      'api_spec_revisions',
      'api_entities',
      'api_lint_results',
      'api_lint_problems',
      'api_spec_diffs',
      'api_changelog',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
  });
});
