// @ts-check

/**
 * The series of an entity (scenario × environment) with their run counts and
 * newest start, kept as runs are stored: the trend's series picker reads one
 * small table instead of grouping every run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('perf_series', table => {
    table.comment('Runs per entity, scenario and environment');
    table.string('entity_ref').notNullable();
    table.string('scenario').notNullable();
    table.string('environment').notNullable();
    table.integer('runs').notNullable();
    table.timestamp('newest_started_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'scenario', 'environment']);
  });
  await knex.raw(
    `insert into perf_series (entity_ref, scenario, environment, runs, newest_started_at)
     select entity_ref, scenario, environment, count(*), max(started_at)
     from perf_runs group by entity_ref, scenario, environment`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('perf_series');
};
