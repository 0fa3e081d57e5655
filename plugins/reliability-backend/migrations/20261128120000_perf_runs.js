// @ts-check

/**
 * Perf runs and the per-metric statistics that trends, baselines and gates query.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('perf_runs', table => {
    table.comment('One load-test run of an entity, as published by CI');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('scenario').notNullable();
    table.string('environment').notNullable();
    table.string('release').nullable();
    table.string('git_sha').nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.integer('k6_exit_code').nullable();
    table.string('idempotency_key').notNullable();
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('SHA-256 of the publication, to tell a retry from a conflict');
    table
      .string('format')
      .notNullable()
      .comment('Which k6 output it came from');
    table
      .boolean('thresholds_passed')
      .nullable()
      .comment('Threshold outcome with the k6 exit code applied; null if none');
    table.text('results', 'longtext').notNullable().comment('PerfResults JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'idempotency_key'], {
      indexName: 'perf_runs_idempotency_idx',
    });
    table.index(
      ['entity_ref', 'scenario', 'environment', 'started_at'],
      'perf_runs_series_idx',
    );
    table.index(
      ['entity_ref', 'release', 'environment'],
      'perf_runs_release_idx',
    );
  });

  await knex.schema.createTable('perf_run_metrics', table => {
    table.comment('Statistics of each metric of a run, one row per metric key');
    table
      .string('run_id', 36)
      .notNullable()
      .references('id')
      .inTable('perf_runs')
      .onDelete('CASCADE');
    table.string('metric_key').notNullable();
    table.string('metric_type', 16).notNullable();
    table.double('avg').nullable();
    table.double('med').nullable();
    table.double('p90').nullable();
    table.double('p95').nullable();
    table.double('p99').nullable();
    table.double('max').nullable();
    table
      .double('rate')
      .nullable()
      .comment('Rate metrics: share of non-zero samples');
    table.double('count').nullable();
    table.double('value').nullable().comment('Gauges: last value');
    table.primary(['run_id', 'metric_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('perf_run_metrics');
  await knex.schema.dropTable('perf_runs');
};
