// @ts-check

/**
 * SDK downloads keep the downloader's partner organisation, so a partner can
 * be shown their own organisation's downloads and nobody else's. Internal
 * downloads, and partner downloads counted before this migration, have none
 * (''). Going down sums an audience's organisations back into one row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table
      .string('partner_org', 255)
      .notNullable()
      .defaultTo('')
      .comment(
        "The partner downloader's organisations, sorted and comma separated; '' for internal ones",
      );
  });
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.dropPrimary();
    table.primary([
      'family',
      'version',
      'language',
      'day',
      'audience',
      'partner_org',
    ]);
  });
};

const OLD_KEY = ['family', 'version', 'language', 'day', 'audience'];

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const merged = await knex('api_sdk_downloads')
    .select(OLD_KEY)
    .sum({ downloads: 'downloads' })
    .groupBy(OLD_KEY);
  await knex('api_sdk_downloads').delete();
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.dropColumn('partner_org');
  });
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.primary(OLD_KEY);
  });
  // Well under SQLite's limit of bound variables per statement
  for (let i = 0; i < merged.length; i += 100) {
    await knex('api_sdk_downloads').insert(
      merged
        .slice(i, i + 100)
        .map(row => ({ ...row, downloads: Number(row.downloads) })),
    );
  }
};
