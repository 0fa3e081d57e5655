import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { EvidenceItem } from '@readiness/plugin-compliance-common';
import {
  DatabaseEvidenceStore,
  EvidencePosition,
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

    it('pages every item by entity, collection time and id, after the last item of the previous page', async () => {
      // Items of two entities, two of them collected at the same time
      const times = [
        '2026-11-03T00:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
        '2026-11-02T00:00:00.000Z',
        '2026-11-02T00:00:00.000Z',
      ];
      for (const [i, collectedAt] of times.entries()) {
        for (const entityRef of [
          'api:default/paging-a',
          'api:default/paging-b',
        ]) {
          await store.addEvidence(
            evidence({
              entityRef,
              collectedAt,
              controls: ['SOC2:CC8.1'],
              contentHash: `${i}${entityRef}`.padEnd(64, 'p'),
            }),
          );
        }
      }
      const entityRefs = ['api:default/paging-a', 'api:default/paging-b'];
      const read: EvidenceItem[] = [];
      let after: EvidencePosition | undefined;
      for (;;) {
        const page = await store.evidencePage({ after, entityRefs, limit: 3 });
        read.push(...page);
        if (page.length < 3) break;
        const last = page[page.length - 1];
        after = {
          entityRef: last.entityRef,
          collectedAt: last.collectedAt,
          id: last.id,
        };
      }
      expect(read).toHaveLength(8);
      const order = (i: EvidenceItem) => [i.entityRef, i.collectedAt, i.id];
      const sorted = [...read].sort((a, b) =>
        order(a).join(' ') < order(b).join(' ') ? -1 : 1,
      );
      expect(read.map(i => i.id)).toEqual(sorted.map(i => i.id));
      expect(new Set(read.map(i => i.id)).size).toBe(8);
      expect(read[0]).toMatchObject({
        entityRef: 'api:default/paging-a',
        collectedAt: '2026-11-01T00:00:00.000Z',
        controls: ['SOC2:CC8.1'],
      });

      // Without entities: every item of the store, withdrawn ones too
      const all = await store.evidencePage({ limit: 1000 });
      expect(all.map(i => i.id)).toEqual(
        expect.arrayContaining(sorted.map(i => i.id)),
      );
      expect(all.some(i => i.withdrawal)).toBe(true);
      expect(await store.evidencePage({ entityRefs: [], limit: 10 })).toEqual(
        [],
      );
    });
  },
);
