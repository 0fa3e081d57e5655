// @ts-check

/**
 * The facts of catalog entities: their history (one row each time a fact
 * took a new value, so any past day can be scored again) and the current
 * value of each, which a full recompute reads in one pass.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_fact_history', table => {
    table.comment('A fact of an entity took this value at valid_from');
    table.bigIncrements('id').primary();
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('fact_id', 200).notNullable();
    table
      .text('value')
      .comment('The value as JSON; null when the fact stopped being known');
    table
      .timestamp('valid_from', { useTz: true })
      .notNullable()
      .comment('When the value was first observed');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'fact_id', 'valid_from'], {
      indexName: 'scorecards_fact_history_uq',
    });
  });
  await knex.schema.createTable('scorecards_facts_current', table => {
    table.comment('The newest value of each fact of each entity');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('fact_id', 200).notNullable();
    table.text('value').comment('The value as JSON; null when no longer known');
    table
      .timestamp('observed_at', { useTz: true })
      .notNullable()
      .comment('The newest observation, of this value or a repeat of it');
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('When the fact took this value');
    table.primary(['entity_ref', 'fact_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_facts_current');
  await knex.schema.dropTable('scorecards_fact_history');
};
