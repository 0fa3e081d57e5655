import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { MATRIX_STATES } from '@readiness/plugin-compliance-common';
import { Knex } from 'knex';
import {
  repositoryComplianceConfig,
  sampleEntities,
} from '../__testUtils__/backend';
import {
  DatabaseEvidenceStore,
  EvidenceToStore,
} from '../database/DatabaseEvidenceStore';
import { CATALOG_REFRESH_MS } from '../catalog/keptCatalog';
import { ComplianceIndex } from './ComplianceIndex';
import { readComplianceModel } from './complianceModel';

const databases = createStoreTestDatabases();

const LEDGER = 'component:default/ledger';
const PLATFORM = 'system:default/filing-platform';

let contentHashes = 0;
const filing = (overrides: Partial<EvidenceToStore>): EvidenceToStore => ({
  entityRef: LEDGER,
  controls: ['SOC2:CC8.1'],
  source: 'pipeline',
  title: 'Change review',
  collectedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2027-03-01T00:00:00.000Z',
  result: 'satisfied',
  filedBy: 'service:compliance-publisher',
  contentHash: String(++contentHashes).padStart(64, '0'),
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'ComplianceIndex on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseEvidenceStore;
    let now: Date;
    let entities: Entity[];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseEvidenceStore.create({
        database: databaseServiceFor(knex),
      });
      now = new Date('2026-12-06T12:00:00.000Z');
      entities = sampleEntities();
    });

    async function index() {
      const config = repositoryComplianceConfig();
      return new ComplianceIndex({
        store,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        model: await readComplianceModel({
          frameworks: config.frameworks,
          applicability: config.applicability,
        }),
        expiringWithin: { days: 30 },
        now: () => now,
      });
    }

    const cellOf = async (kept: ComplianceIndex, control: string) => {
      const matrix = await kept.matrix({
        framework: 'SOC2',
        groupBy: 'system',
        scope: { all: true },
      });
      const row = matrix.groups.find(g => g.group === PLATFORM)!;
      const cell =
        row.cells[matrix.controls.findIndex(c => c.control === control)];
      return Object.fromEntries(MATRIX_STATES.map((s, i) => [s, cell![i]]));
    };

    it('moves a control from fresh to expiring to expired as time passes, with no new evidence', async () => {
      await store.addEvidence(filing({}));
      const kept = await index();
      expect(await cellOf(kept, 'SOC2:CC8.1')).toMatchObject({ fresh: 1 });
      now = new Date('2027-02-10T00:00:00.000Z');
      expect(await cellOf(kept, 'SOC2:CC8.1')).toMatchObject({
        fresh: 0,
        expiring: 1,
      });
      now = new Date('2027-03-01T00:00:00.000Z');
      expect(await cellOf(kept, 'SOC2:CC8.1')).toMatchObject({
        expiring: 0,
        expired: 1,
      });
    });

    it('shows a failing result until a satisfied item follows it', async () => {
      const kept = await index();
      await kept.warm();
      await store.addEvidence(
        filing({
          result: 'not-satisfied',
          collectedAt: '2026-12-02T00:00:00.000Z',
        }),
      );
      expect(await cellOf(kept, 'SOC2:CC8.1')).toMatchObject({ failing: 1 });
      await store.addEvidence(
        filing({ collectedAt: '2026-12-03T00:00:00.000Z' }),
      );
      expect(await cellOf(kept, 'SOC2:CC8.1')).toMatchObject({
        failing: 0,
        fresh: 1,
      });
    });

    it('catches up with what another replica filed and withdrew, also when stamped by a clock seconds behind', async () => {
      const other = await index();
      const kept = await index();
      await kept.warm();
      const before = await cellOf(kept, 'SOC2:CC8.1');
      const { item } = await store.addEvidence(filing({}));
      expect(await cellOf(kept, 'SOC2:CC8.1')).toEqual({
        ...before,
        fresh: before.fresh + 1,
        missing: before.missing - 1,
      });
      await store.addWithdrawal({
        evidenceId: item.id,
        reason: 'Filed twice by the pipeline',
        withdrawnBy: 'user:default/guest',
      });
      expect(await cellOf(kept, 'SOC2:CC8.1')).toEqual(before);
      expect(await cellOf(other, 'SOC2:CC8.1')).toEqual(before);

      // A filing whose row says it was filed 20 seconds ago (a replica with
      // a slow clock, or a late commit) is still read by the next catch-up
      const { item: late } = await store.addEvidence(
        filing({ controls: ['SOC2:A1.1'] }),
      );
      await knex('compliance_evidence')
        .where('id', late.id)
        .update({ filed_at: new Date(Date.now() - 20_000) });
      expect(await cellOf(kept, 'SOC2:A1.1')).toMatchObject({ fresh: 1 });
    });

    it('reads the catalog again once a minute, keeping the standings of unchanged entities', async () => {
      await store.addEvidence(filing({}));
      const kept = await index();
      const first = await kept.matrix({
        framework: 'SOC2',
        groupBy: 'owner',
        scope: { all: true },
      });
      expect(first.groups.map(g => g.group)).toContain(
        'group:default/team-finance',
      );
      // The ledger moves to another team
      const ledger = entities.find(
        e => e.kind === 'Component' && e.metadata.name === 'ledger',
      )!;
      (ledger.spec as { owner: string }).owner = 'team-platform';
      const soon = await kept.matrix({
        framework: 'SOC2',
        groupBy: 'owner',
        scope: { all: true },
      });
      expect(soon.catalogAsOf).toBe(first.catalogAsOf);
      now = new Date(now.getTime() + CATALOG_REFRESH_MS);
      // The first question after a minute starts the read and is answered
      // from the kept catalog; the next one has the new owner
      await kept.matrix({
        framework: 'SOC2',
        groupBy: 'owner',
        scope: { all: true },
      });
      await new Promise(resolve => setTimeout(resolve, 50));
      const later = await kept.matrixGroup({
        framework: 'SOC2',
        groupBy: 'owner',
        group: 'group:default/team-platform',
        scope: { all: true },
      });
      expect(later.entities.map(e => e.entityRef)).toContain(LEDGER);
      expect(
        later.entities.find(e => e.entityRef === LEDGER)!.states['SOC2:CC8.1'],
      ).toBe('fresh');
    });

    it('counts only the entities in the caller’s scope', async () => {
      const kept = await index();
      const matrix = await kept.matrix({
        framework: 'SOC2',
        groupBy: 'system',
        scope: { all: false, entityRefs: new Set([LEDGER]) },
      });
      expect(matrix.totals.entities).toBe(1);
      expect(matrix.groups).toEqual([
        expect.objectContaining({ group: PLATFORM, entities: 1 }),
      ]);
      const none = await kept.matrix({
        framework: 'SOC2',
        groupBy: 'system',
        scope: { all: false, entityRefs: new Set() },
      });
      expect(none).toMatchObject({ groups: [], controls: [] });
      expect(none.totals).toMatchObject({ entities: 0, ratio: 1 });
    });
  },
);
