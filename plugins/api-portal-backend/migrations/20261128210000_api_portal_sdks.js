// @ts-check

/**
 * SDK builds (one per spec hash, language and generator version), the
 * archives of the database artifact store and download counts per day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('api_sdk_builds', table => {
    table.comment('One SDK build per content address');
    table.bigIncrements('id').primary();
    table.string('spec_hash', 128).notNullable().comment('SHA-256, hex');
    table.string('language', 40).notNullable();
    table.string('generator_version', 128).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, building, ready or failed');
    table.text('log', 'longtext').nullable().comment('the build log');
    table.string('artifact_key', 512).nullable();
    table.bigInteger('size_bytes').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.unique(['spec_hash', 'language', 'generator_version'], {
      indexName: 'api_sdk_builds_address_uq',
    });
    table.index(['status'], 'api_sdk_builds_status_idx');
  });

  await knex.schema.createTable('api_sdk_artifacts', table => {
    table.comment('Archives of the database artifact store');
    table.string('key', 512).primary();
    table.binary('bytes').notNullable();
    table.string('content_type', 128).notNullable();
    table.bigInteger('size_bytes').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('api_sdk_downloads', table => {
    table.comment('SDK downloads per family, version, language, day, audience');
    table.string('family').notNullable();
    table.string('version').notNullable();
    table.string('language', 40).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('audience', 16).notNullable().comment('internal or partner');
    table.integer('downloads').notNullable();
    table.primary(['family', 'version', 'language', 'day', 'audience']);
    table.index(['family', 'day'], 'api_sdk_downloads_family_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'api_sdk_downloads',
    'api_sdk_artifacts',
    'api_sdk_builds',
  ]) {
    await knex.schema.dropTable(name);
  }
};
