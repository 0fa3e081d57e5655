import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const databases = createStoreTestDatabases();
const directory = resolvePackagePath(
  '@readiness/plugin-partner-backend',
  'migrations',
);

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'partner migrations on %s',
  databaseId => {
    it('go up, down and up again with rows in the webhook tables', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const now = new Date('2026-12-01T10:00:00Z');
      await knex('partner_apps').insert({
        id: 'a1',
        org: 'acme',
        name: 'App',
        created_by: 'user:default/a',
        created_at: now,
      });
      await knex('partner_webhook_endpoints').insert({
        id: 'e1',
        app_id: 'a1',
        org: 'acme',
        url: 'https://hooks.example.com/',
        event_types: '["filing.accepted"]',
        secret: 'whsec_x',
        secret_created_at: now,
        status: 'active',
        created_by: 'user:default/a',
        created_at: now,
        updated_at: now,
      });
      await knex('partner_webhook_events').insert({
        id: 'v1',
        app_id: 'a1',
        org: 'acme',
        type: 'filing.accepted',
        payload: '{}',
        idempotency_key: 'k',
        content_hash: 'h',
        pushed_by: 'platform',
        created_at: now,
      });
      await knex('partner_webhook_deliveries').insert({
        id: 'd1',
        event_id: 'v1',
        endpoint_id: 'e1',
        app_id: 'a1',
        org: 'acme',
        event_type: 'filing.accepted',
        status: 'pending',
        next_attempt_at: now,
        created_at: now,
      });
      await knex('partner_webhook_attempts').insert({
        delivery_id: 'd1',
        attempt: 1,
        started_at: now,
        duration_ms: 5,
        response_status: 500,
      });

      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('partner_webhook_deliveries')).toBe(
        false,
      );
      expect(await knex('partner_apps').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('partner_webhook_attempts')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('partner_apps')).toBe(false);
    });
  },
);
