// @ts-check

/**
 * Pinned baselines: a run chosen as the baseline of its entity, scenario and
 * environment, instead of the median of the last passing runs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('perf_baselines', table => {
    table.comment(
      'A run pinned as the baseline of an entity, scenario and environment',
    );
    table.string('entity_ref').notNullable();
    table.string('scenario').notNullable();
    table.string('environment').notNullable();
    table
      .string('run_id', 36)
      .notNullable()
      .references('id')
      .inTable('perf_runs')
      .onDelete('CASCADE');
    table.string('pinned_by').notNullable();
    table.timestamp('pinned_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'scenario', 'environment']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('perf_baselines');
};
