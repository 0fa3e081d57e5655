// @ts-check

/**
 * Partner apps and their sandbox keys. Keys keep only a SHA-256 hash of the
 * secret; nothing is ever deleted (a revoked or expired key stays listed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('partner_apps', table => {
    table.comment('An app a partner organisation registered for the sandbox');
    table.string('id', 36).primary().comment('UUID');
    table.string('org', 63).notNullable().comment('Partner organisation id');
    table.string('name', 100).notNullable();
    table.text('description');
    table.string('created_by').notNullable().comment('User entity ref');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['org', 'name'], { indexName: 'partner_apps_org_name_uq' });
  });
  await knex.schema.createTable('partner_sandbox_keys', table => {
    table.comment('A sandbox key of a partner app (hash only)');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('app_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_apps');
    table.string('org', 63).notNullable();
    table
      .string('prefix', 32)
      .notNullable()
      .unique()
      .comment('The visible start of the key, looked up on verification');
    table.string('secret_hash', 64).notNullable().comment('SHA-256, hex');
    table.string('name', 100).notNullable();
    table.text('scopes').notNullable().comment('JSON list');
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true });
    table.string('revoked_by');
    table.string('rotated_to', 36).comment('The key this one was rotated into');
    table.index(['app_id'], 'partner_sandbox_keys_app_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('partner_sandbox_keys');
  await knex.schema.dropTable('partner_apps');
};
