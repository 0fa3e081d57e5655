// @ts-check

/**
 * Runs of an entity newest first (the run list, SLO windows) without a sort:
 * an index on the entity and the start time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('perf_runs', table => {
    table.index(
      ['entity_ref', 'started_at', 'id'],
      'perf_runs_entity_time_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('perf_runs', table => {
    table.dropIndex(
      ['entity_ref', 'started_at', 'id'],
      'perf_runs_entity_time_idx',
    );
  });
};
