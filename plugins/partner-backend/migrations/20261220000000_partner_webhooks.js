// @ts-check

/**
 * Webhook endpoints of partner apps, the events the platform pushes, one
 * delivery per event and subscribed endpoint (the durable queue the worker
 * claims from), and every attempt of a delivery (the delivery log).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('partner_webhook_endpoints', table => {
    table.comment('Where a partner app receives signed platform events');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('app_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_apps');
    table.string('org', 63).notNullable();
    table.text('url').notNullable();
    table.text('description');
    table.text('event_types').notNullable().comment('JSON list');
    table
      .text('secret')
      .notNullable()
      .comment('Signing secret (whsec_); the sender needs it to sign');
    table.timestamp('secret_created_at', { useTz: true }).notNullable();
    table.text('previous_secret').comment('Also signs until it expires');
    table.timestamp('previous_secret_expires_at', { useTz: true });
    table.string('status', 16).notNullable().comment('active or disabled');
    table.timestamp('disabled_at', { useTz: true });
    table.text('disabled_reason');
    table
      .integer('consecutive_failures')
      .notNullable()
      .defaultTo(0)
      .comment('Failed attempts in a row since the last success');
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .timestamp('deleted_at', { useTz: true })
      .comment('Deleted endpoints keep their delivery log');
    table.index(['app_id'], 'partner_webhook_endpoints_app_idx');
  });
  await knex.schema.createTable('partner_webhook_events', table => {
    table.comment('An event the platform pushed for a partner app');
    table.string('id', 36).primary().comment('UUID, sent as webhook-id');
    table
      .string('app_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_apps');
    table.string('org', 63).notNullable();
    table.string('type', 200).notNullable();
    table.text('payload').notNullable().comment('JSON');
    table
      .string('idempotency_key', 200)
      .notNullable()
      .unique({ indexName: 'partner_webhook_events_key_uq' });
    table.string('content_hash', 64).notNullable();
    table.string('pushed_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('partner_webhook_deliveries', table => {
    table.comment('One event to one endpoint: the queue and the log');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('event_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_webhook_events');
    table
      .string('endpoint_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_webhook_endpoints');
    table.string('app_id', 36).notNullable();
    table.string('org', 63).notNullable();
    table.string('event_type', 200).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, succeeded, failed');
    table.integer('attempts').notNullable().defaultTo(0);
    table
      .timestamp('next_attempt_at', { useTz: true })
      .comment('When the worker may take it (pending only)');
    table
      .string('claim_token', 36)
      .comment(
        'The worker run that took it; its lease ends at next_attempt_at',
      );
    table.timestamp('last_attempt_at', { useTz: true });
    table.integer('last_response_status');
    table.text('last_error');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('completed_at', { useTz: true });
    table.string('replay_of', 36).comment('The delivery this one replays');
    table.index(
      ['status', 'next_attempt_at'],
      'partner_webhook_deliveries_due_idx',
    );
    table.index(
      ['endpoint_id', 'created_at'],
      'partner_webhook_deliveries_log_idx',
    );
  });
  await knex.schema.createTable('partner_webhook_attempts', table => {
    table.comment('One try of a delivery, as the delivery log shows it');
    table.bigIncrements('id');
    table
      .string('delivery_id', 36)
      .notNullable()
      .references('id')
      .inTable('partner_webhook_deliveries');
    table.integer('attempt').notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.integer('duration_ms').notNullable();
    table.integer('response_status');
    table.text('response_body').comment('Truncated');
    table.text('error');
    table.index(['delivery_id'], 'partner_webhook_attempts_delivery_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('partner_webhook_attempts');
  await knex.schema.dropTable('partner_webhook_deliveries');
  await knex.schema.dropTable('partner_webhook_events');
  await knex.schema.dropTable('partner_webhook_endpoints');
};
