// @ts-check

/**
 * Evidence for controls of catalog entities. Append-only: nothing is updated
 * or deleted; a withdrawal is a row of its own, with its reason.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('compliance_evidence', table => {
    table.comment('One piece of evidence for controls of one catalog entity');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('source', 32).notNullable();
    table.string('title', 200).notNullable();
    table.text('description');
    table.text('link').comment('An http(s) URL');
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('result', 32).notNullable();
    table
      .string('filed_by')
      .notNullable()
      .comment('User entity ref, or service:<subject>');
    table.timestamp('filed_at', { useTz: true }).notNullable();
    table
      .string('idempotency_key', 200)
      .unique({ indexName: 'compliance_evidence_key_uq' })
      .comment('A retry with the same key answers this item');
    table
      .string('content_hash', 64)
      .notNullable()
      .comment(
        'SHA-256 of the filing, to tell a retry from a reuse of its key',
      );
    table.string('attachment_name', 200);
    table.string('attachment_media_type', 100);
    table.integer('attachment_size');
    table.string('attachment_sha256', 64);
    table.binary('attachment_content');
    table.index(
      ['entity_ref', 'collected_at', 'id'],
      'compliance_evidence_entity_idx',
    );
  });
  await knex.schema.createTable('compliance_evidence_controls', table => {
    table.comment('The controls an evidence item was filed for');
    table
      .string('evidence_id', 36)
      .notNullable()
      .references('id')
      .inTable('compliance_evidence');
    table.string('control', 255).notNullable().comment('e.g. SOC2:CC8.1');
    table.primary(['evidence_id', 'control']);
    table.index(['control'], 'compliance_evidence_controls_control_idx');
  });
  await knex.schema.createTable('compliance_evidence_withdrawals', table => {
    table.comment('Takes an evidence item out of counting; the item stays');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('evidence_id', 36)
      .notNullable()
      .unique({ indexName: 'compliance_withdrawals_evidence_uq' })
      .references('id')
      .inTable('compliance_evidence');
    table.text('reason').notNullable();
    table.string('withdrawn_by').notNullable();
    table.timestamp('withdrawn_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('compliance_evidence_withdrawals');
  await knex.schema.dropTable('compliance_evidence_controls');
  await knex.schema.dropTable('compliance_evidence');
};
