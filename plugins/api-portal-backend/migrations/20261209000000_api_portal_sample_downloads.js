// @ts-check

/**
 * SDK downloads counted as sample data (docs/operations/sample-data.md) are
 * kept apart from real ones: a `sample` mark in the key, so a day can hold
 * both and every count can say how much of it is sample data. Going down
 * removes the sample counts and restores the key.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table
      .boolean('sample')
      .notNullable()
      .defaultTo(false)
      .comment('Whether the count is development sample data');
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
      'sample',
    ]);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('api_sdk_downloads').where('sample', true).delete();
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('api_sdk_downloads', table => {
    table.dropColumn('sample');
  });
  await knex.schema.alterTable('api_sdk_downloads', table => {
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
