// @ts-check

/**
 * Disaster-recovery evidence pushed by pipelines: drill records from the
 * restore-drill pipeline and backup verifications from the backup-verify job.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dr_drills', table => {
    table.comment('A drill record pushed by a restore-drill pipeline');
    table.string('id', 36).primary().comment('UUID');
    table.string('idempotency_key').notNullable().unique();
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('SHA-256 of the drill, to tell a retry from a conflict');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.text('record').notNullable().comment('DrillRecord JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('dr_drill_entities', table => {
    table.comment('The entities a pushed drill covered');
    table
      .string('drill_id', 36)
      .notNullable()
      .references('id')
      .inTable('dr_drills')
      .onDelete('CASCADE');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.primary(['drill_id', 'entity_ref']);
    table.index(['entity_ref'], 'dr_drill_entities_entity_idx');
  });
  await knex.schema.createTable('backup_verifications', table => {
    table.comment('What a backup-verify job found about one backup artifact');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table.string('idempotency_key').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('artifact').notNullable();
    table
      .string('kind', 32)
      .notNullable()
      .comment('base-backup, wal-archive or object-version');
    table.bigInteger('size_bytes').notNullable();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table.timestamp('verified_at', { useTz: true }).notNullable();
    table.boolean('checksum_verified').notNullable();
    table.boolean('restore_tested').notNullable();
    table.boolean('restore_succeeded').nullable();
    table.double('restore_seconds').nullable();
    table.text('evidence').notNullable().comment('JSON list of links');
    table.text('notes').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'idempotency_key'], {
      indexName: 'backup_verifications_idempotency_idx',
    });
    table.index(
      ['entity_ref', 'kind', 'taken_at'],
      'backup_verifications_kind_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_verifications');
  await knex.schema.dropTable('dr_drill_entities');
  await knex.schema.dropTable('dr_drills');
};
