// @ts-check

/**
 * The readiness rituals teams held: one row per group and UTC day, recorded
 * when someone marks the ritual held on the team's ritual page. `held_at`
 * is the moment "what changed since the last ritual" compares with.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_rituals', table => {
    table.comment('A readiness ritual a team held');
    table.uuid('id').primary().notNullable();
    table
      .string('group_ref')
      .notNullable()
      .comment('Lower-case ref of the Group entity');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .timestamp('held_at', { useTz: true })
      .notNullable()
      .comment(
        'When it was recorded on its day, or the end of a past day it was recorded for',
      );
    table.text('note').comment('What the team noted, if anything');
    table
      .string('held_by')
      .notNullable()
      .comment('The user entity ref of whoever marked it held');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['group_ref', 'day'], {
      indexName: 'scorecards_rituals_group_day_uq',
    });
    table.index(['group_ref', 'held_at'], 'scorecards_rituals_group_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_rituals');
};
