// @ts-check

/**
 * Lists newest first without a sort: run lists, SLO windows, trends and
 * baselines order runs by (started_at, id), the gate history orders verdicts
 * by (decided_at, id), so the indexes end with them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('perf_runs', table => {
    table.dropIndex(
      ['entity_ref', 'scenario', 'environment', 'started_at'],
      'perf_runs_series_idx',
    );
    table.index(
      ['entity_ref', 'scenario', 'environment', 'started_at', 'id'],
      'perf_runs_series_time_idx',
    );
    table.index(
      ['entity_ref', 'started_at', 'id'],
      'perf_runs_entity_time_idx',
    );
  });
  await knex.schema.alterTable('gate_verdicts', table => {
    table.dropIndex(['entity_ref', 'decided_at'], 'gate_verdicts_entity_idx');
    table.index(
      ['entity_ref', 'decided_at', 'id'],
      'gate_verdicts_entity_time_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('gate_verdicts', table => {
    table.dropIndex(
      ['entity_ref', 'decided_at', 'id'],
      'gate_verdicts_entity_time_idx',
    );
    table.index(['entity_ref', 'decided_at'], 'gate_verdicts_entity_idx');
  });
  await knex.schema.alterTable('perf_runs', table => {
    table.dropIndex(
      ['entity_ref', 'started_at', 'id'],
      'perf_runs_entity_time_idx',
    );
    table.dropIndex(
      ['entity_ref', 'scenario', 'environment', 'started_at', 'id'],
      'perf_runs_series_time_idx',
    );
    table.index(
      ['entity_ref', 'scenario', 'environment', 'started_at'],
      'perf_runs_series_idx',
    );
  });
};
