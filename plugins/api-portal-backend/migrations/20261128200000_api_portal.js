// @ts-check

/**
 * The API portal's record of API definitions: contents kept once per hash,
 * revisions per entity, the current revision of each entity, lint results
 * per content hash, diffs per pair of hashes and changelog entries.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('api_spec_contents', table => {
    table.comment('Definition texts, once per content hash');
    table.string('content_hash', 64).primary().comment('SHA-256, hex');
    table.text('content', 'longtext').notNullable();
    table.bigInteger('size_bytes').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('api_spec_revisions', table => {
    table.comment('A definition of an API entity as first seen');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref').notNullable();
    table.string('family').notNullable();
    table.string('version').nullable().comment('info.version');
    table
      .string('format', 16)
      .notNullable()
      .comment('openapi, swagger, asyncapi, graphql or other');
    table.string('spec_version', 32).nullable().comment('e.g. 3.1.0, 2.0');
    table.string('title').nullable().comment('info.title');
    table.bigInteger('size_bytes').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('status', 32).notNullable().comment('ok or an error state');
    table.text('status_message').nullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'content_hash'], {
      indexName: 'api_spec_revisions_entity_hash_uq',
    });
    table.index(
      ['entity_ref', 'first_seen_at'],
      'api_spec_revisions_entity_idx',
    );
    table.index(['family'], 'api_spec_revisions_family_idx');
  });

  await knex.schema.createTable('api_entities', table => {
    table.comment('Each collected API entity and its current revision');
    table.string('entity_ref').primary();
    table.string('family').notNullable();
    table.boolean('partner_facing').notNullable();
    table.string('current_revision_id', 36).notNullable();
    table.string('current_content_hash', 64).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['family'], 'api_entities_family_idx');
  });

  await knex.schema.createTable('api_lint_results', table => {
    table.comment('The Redocly lint outcome of one definition text');
    table.string('content_hash', 64).primary();
    table
      .string('config_digest', 64)
      .notNullable()
      .comment('SHA-256 of the lint configuration used');
    table.string('status', 16).notNullable().comment('ok, error or timeout');
    table.text('status_message').nullable();
    table.integer('errors').notNullable();
    table.integer('warnings').notNullable();
    table.integer('duration_ms').notNullable();
    table.timestamp('linted_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('api_lint_problems', table => {
    table.comment('One lint problem of a definition text');
    table.bigIncrements('id').primary();
    table.string('content_hash', 64).notNullable();
    table.string('rule_id').notNullable();
    table.string('severity', 8).notNullable().comment('error or warn');
    table.text('message').notNullable();
    table.text('pointer').nullable().comment('JSON pointer, #/paths/...');
    table.integer('line').nullable();
    table.integer('col').nullable();
    table.string('documentation_url').nullable();
    table.index(['content_hash'], 'api_lint_problems_hash_idx');
  });

  await knex.schema.createTable('api_spec_diffs', table => {
    table.comment('Changes between two definition texts, computed once');
    table.string('from_hash', 64).notNullable();
    table.string('to_hash', 64).notNullable();
    table.string('status', 16).notNullable().comment('ok or error');
    table.text('status_message').nullable();
    table.boolean('breaking').notNullable();
    table.text('changes', 'longtext').notNullable().comment('ApiChange[] JSON');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['from_hash', 'to_hash']);
  });

  await knex.schema.createTable('api_changelog', table => {
    table.comment('What changed from one revision or version to the next');
    table.string('id', 36).primary().comment('UUID');
    table.string('family').notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('revision (same entity) or version (family order)');
    table.string('entity_ref').notNullable().comment('of the newer side');
    table.string('from_entity_ref').notNullable();
    table.string('from_revision_id', 36).notNullable();
    table.string('to_revision_id', 36).notNullable();
    table.string('from_version').notNullable();
    table.string('to_version').notNullable();
    table.string('from_hash', 64).notNullable();
    table.string('to_hash', 64).notNullable();
    table.boolean('breaking').notNullable();
    table.text('summary').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.unique(['from_revision_id', 'to_revision_id'], {
      indexName: 'api_changelog_pair_uq',
    });
    table.index(['family', 'at'], 'api_changelog_family_idx');
    table.index(['at'], 'api_changelog_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'api_changelog',
    'api_spec_diffs',
    'api_lint_problems',
    'api_lint_results',
    'api_entities',
    'api_spec_revisions',
    'api_spec_contents',
  ]) {
    await knex.schema.dropTable(name);
  }
};
