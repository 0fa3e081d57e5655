import path from 'node:path';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';

const databases = createStoreTestDatabases();
const directory = path.resolve(__dirname, '../../migrations');

/** Whether a statement fails (driver errors may come from another realm). */
function refused(statement: PromiseLike<unknown>): Promise<boolean> {
  return Promise.resolve(statement).then(
    () => false,
    () => true,
  );
}

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
  it("keep each download's partner organisation, and merge them when going back down", async () => {
    const knex = await databases.init(databaseId);
    const before = '20261128220000_api_portal_catalog_etags.js';
    const orgs = '20261206000000_api_portal_sdk_download_orgs.js';
    await knex.migrate.up({ directory, name: '20261128200000_api_portal.js' });
    await knex.migrate.up({
      directory,
      name: '20261128210000_api_portal_sdks.js',
    });
    await knex.migrate.up({ directory, name: before });
    const row = {
      family: 'ledger-api',
      version: '2.0.0',
      language: 'python',
      day: '2026-12-01',
    };
    // Counts from before organisations were kept
    await knex('api_sdk_downloads').insert([
      { ...row, audience: 'internal', downloads: 4 },
      { ...row, audience: 'partner', downloads: 3 },
    ]);
    await knex.migrate.up({ directory, name: orgs });
    const read = () =>
      knex('api_sdk_downloads')
        .orderBy(['audience', 'partner_org'])
        .then(rows =>
          rows.map(r => [r.audience, r.partner_org, Number(r.downloads)]),
        );
    // Earlier partner downloads belong to no organisation
    expect(await read()).toEqual([
      ['internal', '', 4],
      ['partner', '', 3],
    ]);
    await knex('api_sdk_downloads').insert([
      { ...row, audience: 'partner', partner_org: 'acme', downloads: 2 },
      { ...row, audience: 'partner', partner_org: 'globex', downloads: 5 },
    ]);
    expect(await read()).toHaveLength(4);

    // Down: one row per audience again, the counts summed
    await knex.migrate.down({ directory, name: orgs });
    expect(
      await knex.schema.hasColumn('api_sdk_downloads', 'partner_org'),
    ).toBe(false);
    expect(
      (await knex('api_sdk_downloads').orderBy('audience')).map(r => [
        r.audience,
        Number(r.downloads),
      ]),
    ).toEqual([
      ['internal', 4],
      ['partner', 10],
    ]);
    // The old key holds again
    expect(
      await refused(
        knex('api_sdk_downloads').insert({
          ...row,
          audience: 'partner',
          downloads: 1,
        }),
      ),
    ).toBe(true);

    await knex.migrate.latest({ directory });
    expect(await read()).toEqual([
      ['internal', '', 4],
      ['partner', '', 10],
    ]);
    // The new key counts an organisation's downloads apart
    await knex('api_sdk_downloads').insert({
      ...row,
      audience: 'partner',
      partner_org: 'acme',
      downloads: 1,
    });
    expect(
      await refused(
        knex('api_sdk_downloads').insert({
          ...row,
          audience: 'partner',
          partner_org: 'acme',
          downloads: 1,
        }),
      ),
    ).toBe(true);
  });

  it('keep sample downloads apart, and drop them when going back down', async () => {
    const knex = await databases.init(databaseId);
    const sample = '20261209000000_api_portal_sample_downloads.js';
    await knex.migrate.latest({ directory });
    const row = {
      family: 'ledger-api',
      version: '2.0.0',
      language: 'python',
      day: '2026-12-01',
      audience: 'internal',
      partner_org: '',
    };
    await knex('api_sdk_downloads').insert({ ...row, downloads: 4 });
    // The same day and audience holds a sample count beside the real one
    await knex('api_sdk_downloads').insert({
      ...row,
      sample: true,
      downloads: 7,
    });
    const read = () =>
      knex('api_sdk_downloads')
        .orderBy('downloads')
        .then(rows => rows.map(r => [Boolean(r.sample), Number(r.downloads)]));
    expect(await read()).toEqual([
      [false, 4],
      [true, 7],
    ]);
    expect(
      await refused(
        knex('api_sdk_downloads').insert({
          ...row,
          sample: true,
          downloads: 1,
        }),
      ),
    ).toBe(true);

    await knex.migrate.down({ directory, name: sample });
    expect(await knex.schema.hasColumn('api_sdk_downloads', 'sample')).toBe(
      false,
    );
    expect(
      (await knex('api_sdk_downloads')).map(r => Number(r.downloads)),
    ).toEqual([4]);
    expect(
      await refused(knex('api_sdk_downloads').insert({ ...row, downloads: 1 })),
    ).toBe(true);

    await knex.migrate.latest({ directory });
    expect(await read()).toEqual([[false, 4]]);
  });
});
