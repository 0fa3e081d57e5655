import path from 'node:path';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';

const databases = createStoreTestDatabases();
const directory = path.resolve(__dirname, '../../migrations');
const TABLES = [
  'scorecards_fact_history',
  'scorecards_facts_current',
  'scorecards_results',
  'scorecards_daily_snapshots',
  'scorecards_fact_pushes',
  'scorecards_rituals',
];

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, down with rows in the tables, and up again', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    await knex('scorecards_fact_history').insert({
      entity_ref: 'component:default/ledger',
      fact_id: 'reliability.slos-met',
      value: 'true',
      valid_from: new Date('2026-12-01T10:00:00Z'),
      recorded_at: new Date('2026-12-01T10:00:01Z'),
    });
    await knex('scorecards_facts_current').insert({
      entity_ref: 'component:default/ledger',
      fact_id: 'reliability.slos-met',
      value: 'true',
      observed_at: new Date('2026-12-02T10:00:00Z'),
      changed_at: new Date('2026-12-01T10:00:00Z'),
    });

    await knex('scorecards_results').insert({
      entity_ref: 'component:default/ledger',
      owner_ref: 'group:default/payments',
      level: 'bronze',
      next_level: 'silver',
      score: 60,
      summary: '{"score":60}',
      outcomes: '[]',
      checks_digest: 'a'.repeat(64),
      computed_at: new Date('2026-12-02T02:00:00Z'),
    });
    await knex('scorecards_daily_snapshots').insert({
      entity_ref: 'component:default/ledger',
      day: '2026-12-02',
      level: 'bronze',
      score: 60,
      summary: '{"score":60}',
      checks_digest: 'a'.repeat(64),
      computed_at: new Date('2026-12-02T02:00:00Z'),
    });

    await knex('scorecards_fact_pushes').insert({
      id: '5d1f2c1e-7a4b-4a8e-9b0c-2f3d4e5f6a7b',
      idempotency_key: 'ci-run-41',
      content_hash: 'b'.repeat(64),
      entity_ref: 'component:default/ledger',
      facts: '{"ci.coverage.line":81.5}',
      observed_at: new Date('2026-12-02T09:00:00Z'),
      pushed_by: 'scorecards-publisher',
      pushed_at: new Date('2026-12-02T09:00:01Z'),
    });

    await knex('scorecards_rituals').insert({
      id: '0b9e2a44-51c6-4d0e-8f5a-6c1d2e3f4a5b',
      group_ref: 'group:default/team-finance',
      day: '2026-12-08',
      held_at: new Date('2026-12-08T10:30:00Z'),
      note: 'ledger slipped to Bronze',
      held_by: 'user:default/guest',
      recorded_at: new Date('2026-12-08T10:30:00Z'),
    });

    await knex.migrate.rollback({ directory }, true);
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await knex.migrate.latest({ directory });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
  });
});
