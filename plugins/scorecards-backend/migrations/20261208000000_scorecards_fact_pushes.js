// @ts-check

/**
 * The pushes of facts by CI: one row per push, kept under its idempotency
 * key with the hash of its content, so a retry answers the stored push and
 * the same key with other content is refused. The values themselves go to
 * the fact history like every other fact's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_fact_pushes', table => {
    table.comment('Facts a pipeline pushed about an entity, as pushed');
    table.uuid('id').primary().notNullable();
    table
      .string('idempotency_key', 200)
      .notNullable()
      .unique({ indexName: 'scorecards_fact_pushes_key_uq' });
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('SHA-256 of the push as sent, to tell a retry from a reuse');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table
      .text('facts')
      .notNullable()
      .comment('The pushed values by fact id, as JSON');
    table
      .timestamp('observed_at', { useTz: true })
      .notNullable()
      .comment('When the values were true: as pushed, or when received');
    table
      .string('pushed_by')
      .notNullable()
      .comment('The subject of the service token');
    table.timestamp('pushed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'pushed_at'],
      'scorecards_fact_pushes_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_fact_pushes');
};
