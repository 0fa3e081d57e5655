import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import {
  DatabaseEvidenceStore,
  EvidenceToStore,
} from './DatabaseEvidenceStore';

const databases = createStoreTestDatabases();

const evidence = (
  overrides: Partial<EvidenceToStore> = {},
): EvidenceToStore => ({
  entityRef: 'component:default/ledger',
  controls: ['SOC2:CC8.1', 'ISO27001:8.32'],
  source: 'pipeline',
  title: 'Change review',
  collectedAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2027-03-01T10:00:00.000Z',
  result: 'satisfied',
  filedBy: 'service:compliance-publisher',
  contentHash: 'a'.repeat(64),
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseEvidenceStore on %s',
  databaseId => {
    let store: DatabaseEvidenceStore;

    beforeAll(async () => {
      store = await DatabaseEvidenceStore.create({
        database: databaseServiceFor(await databases.init(databaseId)),
      });
    });

    it('stores one item for filings that race with the same key', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          store.addEvidence(evidence({ idempotencyKey: 'race-1' })),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.item.id)).size).toBe(1);
      const page = await store.listEvidence('component:default/ledger', {});
      expect(page.items).toHaveLength(1);
      expect(page.items[0].controls).toEqual(['ISO27001:8.32', 'SOC2:CC8.1']);
    });

    it('keeps the standings of an entity with their withdrawals', async () => {
      const { item } = await store.addEvidence(
        evidence({
          entityRef: 'component:default/webhooks',
          contentHash: 'b'.repeat(64),
          attachment: {
            name: 'scan.txt',
            mediaType: 'text/plain',
            sizeBytes: 2,
            sha256: 'c'.repeat(64),
            content: Buffer.from('ok'),
          },
        }),
      );
      expect(item.attachment).toEqual({
        name: 'scan.txt',
        mediaType: 'text/plain',
        sizeBytes: 2,
        sha256: 'c'.repeat(64),
      });
      const withdrawal = {
        evidenceId: item.id,
        reason: 'Filed for the wrong entity',
        withdrawnBy: 'user:default/guest',
      };
      const [a, b] = await Promise.all([
        store.addWithdrawal(withdrawal),
        store.addWithdrawal(withdrawal),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.withdrawal.id).toBe(b.withdrawal.id);
      expect(await store.standingsOf('component:default/webhooks')).toEqual([
        {
          id: item.id,
          controls: expect.arrayContaining(['SOC2:CC8.1', 'ISO27001:8.32']),
          collected: '2026-12-01T10:00:00.000Z',
          expires: '2027-03-01T10:00:00.000Z',
          result: 'satisfied',
          withdrawn: true,
        },
      ]);
      expect((await store.getEvidence(item.id))?.withdrawal?.reason).toBe(
        'Filed for the wrong entity',
      );
    });

    it('reads what was filed and withdrawn since a time, for every entity', async () => {
      await new Promise(resolve => setTimeout(resolve, 5));
      const before = new Date();
      const { item } = await store.addEvidence(
        evidence({
          entityRef: 'resource:default/filing-db',
          controls: ['ISO27001:8.13'],
          contentHash: 'd'.repeat(64),
        }),
      );
      const since = await store.standingsFiledSince(before);
      expect(since).toEqual([
        expect.objectContaining({
          id: item.id,
          entityRef: 'resource:default/filing-db',
          controls: ['ISO27001:8.13'],
          withdrawn: false,
        }),
      ]);
      // Everything, when no time is given
      const all = await store.standingsFiledSince();
      expect(all.length).toBeGreaterThan(since.length);
      expect(all.map(s => s.id)).toContain(item.id);
      expect(
        await store.standingsFiledSince(new Date(Date.now() + 60_000)),
      ).toEqual([]);

      expect(await store.withdrawnSince(before)).not.toContainEqual(
        expect.objectContaining({ evidenceId: item.id }),
      );
      await store.addWithdrawal({
        evidenceId: item.id,
        reason: 'Restore test of the wrong database',
        withdrawnBy: 'user:default/guest',
      });
      expect(await store.withdrawnSince(before)).toContainEqual({
        evidenceId: item.id,
        entityRef: 'resource:default/filing-db',
      });
      expect(await store.withdrawnSince(new Date(Date.now() + 60_000))).toEqual(
        [],
      );
    });
  },
);
