// @ts-check

/**
 * Release gate verdicts, kept: every time the gate of a release is asked,
 * the verdict and its reasons are stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gate_verdicts', table => {
    table.comment('One decision of the release gate');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref').notNullable();
    table.string('release').notNullable();
    table.string('environment').notNullable();
    table.string('status', 16).notNullable().comment('pass, fail or unknown');
    table
      .text('reasons', 'longtext')
      .notNullable()
      .comment('GateReason[] JSON');
    table
      .text('run_ids')
      .notNullable()
      .comment('JSON array of the judged runs');
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'decided_at'], 'gate_verdicts_entity_idx');
    table.index(
      ['entity_ref', 'release', 'environment'],
      'gate_verdicts_release_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gate_verdicts');
};
