import path from 'node:path';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';

const databases = createStoreTestDatabases();
const directory = path.resolve(__dirname, '../../migrations');
const TABLES = [
  'compliance_evidence',
  'compliance_evidence_controls',
  'compliance_evidence_withdrawals',
];

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, down with rows in the tables, and up again', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    await knex('compliance_evidence').insert({
      id: 'e1',
      entity_ref: 'component:default/ledger',
      source: 'manual',
      title: 'Change review',
      collected_at: new Date('2026-12-01T10:00:00Z'),
      expires_at: new Date('2027-03-01T10:00:00Z'),
      result: 'satisfied',
      filed_by: 'user:default/guest',
      filed_at: new Date('2026-12-01T11:00:00Z'),
      content_hash: 'a'.repeat(64),
      attachment_name: 'review.txt',
      attachment_media_type: 'text/plain',
      attachment_size: 2,
      attachment_sha256: 'b'.repeat(64),
      attachment_content: Buffer.from('ok'),
    });
    await knex('compliance_evidence_controls').insert({
      evidence_id: 'e1',
      control: 'SOC2:CC8.1',
    });
    await knex('compliance_evidence_withdrawals').insert({
      id: 'w1',
      evidence_id: 'e1',
      reason: 'Filed for the wrong release',
      withdrawn_by: 'user:default/guest',
      withdrawn_at: new Date('2026-12-02T10:00:00Z'),
    });
    const [{ attachment_content }] = await knex('compliance_evidence').select(
      'attachment_content',
    );
    expect(Buffer.from(attachment_content).toString()).toBe('ok');

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
