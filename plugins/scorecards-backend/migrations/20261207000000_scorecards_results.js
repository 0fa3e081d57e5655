// @ts-check

/**
 * The scores computed from the facts: each entity's current result (its
 * level, score, category scores and the outcome of every check) and one
 * snapshot per entity per UTC day for its history. Both carry the digest of
 * the checks they were computed with, so results of changed checks are told
 * apart from current ones.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_results', table => {
    table.comment('The newest scorecard of each entity');
    table
      .string('entity_ref')
      .primary()
      .notNullable()
      .comment('Lower-case entity ref');
    table
      .string('owner_ref')
      .comment('Lower-case ref of the owner, for rollups');
    table.string('level', 20).comment('bronze, silver or gold; null for none');
    table.string('next_level', 20);
    table.integer('score').comment('0 to 100; null when no check applies');
    table
      .text('summary')
      .notNullable()
      .comment('Counts and per-category scores, as JSON');
    table
      .text('outcomes')
      .notNullable()
      .comment('The outcome of every check, as JSON');
    table
      .string('checks_digest', 64)
      .notNullable()
      .comment('SHA-256 of the checks the result was computed with');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.index(['owner_ref'], 'scorecards_results_owner_idx');
  });
  await knex.schema.createTable('scorecards_daily_snapshots', table => {
    table.comment(
      'The scorecard of an entity as of its last recompute of a UTC day',
    );
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('owner_ref');
    table.string('level', 20);
    table.integer('score');
    table.text('summary').notNullable();
    table.string('checks_digest', 64).notNullable();
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'scorecards_daily_snapshots_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_daily_snapshots');
  await knex.schema.dropTable('scorecards_results');
};
