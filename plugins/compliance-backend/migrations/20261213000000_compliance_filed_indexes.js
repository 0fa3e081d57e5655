// @ts-check

/**
 * Lets a replica's kept view of the evidence read what was filed or
 * withdrawn since it last looked, without a scan of every item.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('compliance_evidence', table => {
    table.index(['filed_at'], 'compliance_evidence_filed_idx');
  });
  await knex.schema.alterTable('compliance_evidence_withdrawals', table => {
    table.index(['withdrawn_at'], 'compliance_withdrawals_withdrawn_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('compliance_evidence_withdrawals', table => {
    table.dropIndex(['withdrawn_at'], 'compliance_withdrawals_withdrawn_idx');
  });
  await knex.schema.alterTable('compliance_evidence', table => {
    table.dropIndex(['filed_at'], 'compliance_evidence_filed_idx');
  });
};
