import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import {
  READINESS_FACTS,
  RELIABILITY_FACTS,
} from '@readiness/plugin-scorecards-common';
import {
  FactChange,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';
import { repositoryPath } from '@readiness/test-corpus';
import { DatabaseFactStore } from '../database/DatabaseFactStore';
import { DatabaseScorecardStore } from '../database/DatabaseScorecardStore';
import { CatalogFactProvider } from './catalogFactProvider';
import { ScorecardRecomputer } from './ScorecardRecomputer';
import { readPushedFacts } from './pushedFacts';
import { LoadedChecks, readScorecardChecks } from './scorecardChecks';

const databases = createStoreTestDatabases();

const service = (name: string, owner = 'payments'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const GROUP: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const SLOS = RELIABILITY_FACTS.filter(f =>
  ['reliability.slos-declared', 'reliability.slos-met'].includes(f.id),
);

/** A reliability provider the test drives. */
function reliabilityProvider(
  compute: ScorecardFactProvider['computeFacts'],
): ScorecardFactProvider & { fire(change: FactChange): void } {
  let listener: ((change: FactChange) => void) | undefined;
  return {
    id: 'reliability',
    facts: SLOS,
    computeFacts: compute,
    subscribe(l) {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    fire(change) {
      listener?.(change);
    },
  };
}

describe.each(databases.eachSupportedId())(
  'ScorecardRecomputer on %s',
  databaseId => {
    let facts: DatabaseFactStore;
    let results: DatabaseScorecardStore;
    let checks: LoadedChecks;
    const logger = mockServices.logger.mock();

    beforeAll(async () => {
      const pushed = await readPushedFacts(
        repositoryPath('scorecards', 'facts'),
      );
      checks = await readScorecardChecks(
        repositoryPath('scorecards', 'checks'),
        [...READINESS_FACTS, ...pushed.facts],
      );
    });

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      const database = databaseServiceFor(knex);
      facts = await DatabaseFactStore.create({ database });
      results = await DatabaseScorecardStore.create({ database });
      for (const table of [
        'scorecards_results',
        'scorecards_daily_snapshots',
        'scorecards_fact_history',
        'scorecards_facts_current',
        'scorecards_fact_pushes',
      ]) {
        await knex(table).delete();
      }
      jest.clearAllMocks();
    });

    const recomputer = (
      entities: Entity[],
      providers: ScorecardFactProvider[],
      extra: { batchSize?: number; now?: () => Date } = {},
    ) => {
      const catalog = catalogServiceMock({ entities });
      const auth = mockServices.auth();
      return {
        catalog,
        recomputer: new ScorecardRecomputer({
          catalog,
          auth,
          logger,
          facts,
          results,
          providers: [new CatalogFactProvider({ catalog, auth }), ...providers],
          checks,
          batchSize: extra.batchSize ?? 2,
          providerTimeout: { milliseconds: 200 },
          now: extra.now,
        }),
      };
    };

    const statusOf = async (ref: string, checkId: string) =>
      (await results.getResult(ref))?.outcomes.find(o => o.checkId === checkId)
        ?.status;

    it('pages through the catalog in batches, asking each provider once per batch', async () => {
      const batches: string[][] = [];
      const slos = reliabilityProvider(async request => {
        batches.push(request.entities.map(e => e.metadata.name));
        return request.entities.map(e => ({
          entityRef: `component:default/${e.metadata.name}`,
          facts: {
            'reliability.slos-declared': 1,
            'reliability.slos-met': true,
          },
        }));
      });
      const { recomputer: r } = recomputer(
        [
          GROUP,
          service('a'),
          service('b'),
          service('c'),
          service('d', 'nobody'),
        ],
        [slos],
      );
      const report = await r.recomputeAll();
      expect(report).toEqual({
        entities: 4,
        batches: 2,
        failedBatches: 0,
        removed: 0,
      });
      // the group is not asked for: no check applies to groups
      expect(batches).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(await statusOf('component:default/a', 'owner-is-group')).toBe(
        'pass',
      );
      expect(await statusOf('component:default/d', 'owner-is-group')).toBe(
        'fail',
      );
      expect(await statusOf('component:default/d', 'slos-met')).toBe('pass');
      expect(await results.getResult('component:default/a')).toMatchObject({
        ownerRef: 'group:default/payments',
        checksDigest: checks.digest,
      });
    });

    it('records a fact a provider leaves out as no longer known', async () => {
      let known = true;
      const slos = reliabilityProvider(async request =>
        known
          ? request.entities.map(e => ({
              entityRef: `component:default/${e.metadata.name}`,
              facts: { 'reliability.slos-met': false },
            }))
          : [],
      );
      const { recomputer: r } = recomputer([GROUP, service('a')], [slos]);
      await r.recomputeAll();
      expect(await statusOf('component:default/a', 'slos-met')).toBe('fail');
      known = false;
      await r.recomputeAll();
      expect(await statusOf('component:default/a', 'slos-met')).toBe('unknown');
      expect(
        await facts.factHistory('component:default/a', 'reliability.slos-met'),
      ).toEqual([
        { value: false, validFrom: expect.any(String) },
        { value: null, validFrom: expect.any(String) },
      ]);
    });

    it('keeps the facts of a provider that fails or takes too long, and scores with the others', async () => {
      let answer: 'facts' | 'throw' | 'hang' = 'facts';
      const slos = reliabilityProvider(async request => {
        if (answer === 'throw') throw new Error('reliability is down');
        if (answer === 'hang') return new Promise(() => {});
        return request.entities.map(e => ({
          entityRef: `component:default/${e.metadata.name}`,
          facts: { 'reliability.slos-met': true },
        }));
      });
      const { recomputer: r } = recomputer([GROUP, service('a')], [slos]);
      await r.recomputeAll();
      for (const failure of ['throw', 'hang'] as const) {
        answer = failure;
        const report = await r.recomputeAll();
        expect(report.failedBatches).toBe(0);
        expect(await statusOf('component:default/a', 'slos-met')).toBe('pass');
      }
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('reliability is down'),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('timed out'),
      );
    });

    it('leaves out facts a provider does not declare', async () => {
      const slos = reliabilityProvider(async () => [
        {
          entityRef: 'Component:default/A',
          facts: {
            'reliability.slos-met': true,
            'reliability.gate-verdict': 'pass',
          },
        },
      ]);
      const { recomputer: r } = recomputer(
        [GROUP, { ...service('a'), metadata: { name: 'A' } }],
        [slos],
      );
      await r.recomputeAll();
      const current = await facts.currentFacts(['component:default/a']);
      expect(current.get('component:default/a')).toHaveProperty([
        'reliability.slos-met',
      ]);
      expect(current.get('component:default/a')).not.toHaveProperty([
        'reliability.gate-verdict',
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('reliability.gate-verdict'),
      );
    });

    it('removes the results of entities gone from the catalog after a full run', async () => {
      let now = new Date('2026-12-01T02:00:00Z');
      const first = recomputer([GROUP, service('a'), service('b')], [], {
        now: () => now,
      });
      await first.recomputer.recomputeAll();
      now = new Date('2026-12-02T02:00:00Z');
      const second = recomputer([GROUP, service('a')], [], {
        now: () => now,
      });
      expect((await second.recomputer.recomputeAll()).removed).toBe(1);
      expect(await results.getResult('component:default/b')).toBeUndefined();
      expect(
        await results.history('component:default/b', {
          from: '2026-12-01',
          to: '2026-12-02',
        }),
      ).toHaveLength(1);
    });

    it('recomputes the entities a change names, once the change is heard', async () => {
      let met = false;
      const asked: string[][] = [];
      const slos = reliabilityProvider(async request => {
        asked.push(request.entities.map(e => e.metadata.name));
        return request.entities.map(e => ({
          entityRef: `component:default/${e.metadata.name}`,
          facts: { 'reliability.slos-met': met },
        }));
      });
      const { recomputer: r } = recomputer(
        [GROUP, service('a'), service('b')],
        [slos],
      );
      await r.recomputeAll();
      asked.length = 0;
      const stop = r.listen();
      met = true;
      slos.fire({
        entityRefs: ['component:default/a', 'component:default/gone'],
      });
      await r.idle();
      expect(asked).toEqual([['a']]);
      expect(await statusOf('component:default/a', 'slos-met')).toBe('pass');
      expect(await statusOf('component:default/b', 'slos-met')).toBe('fail');
      stop();
      slos.fire({ entityRefs: ['component:default/b'] });
      await r.idle();
      expect(await statusOf('component:default/b', 'slos-met')).toBe('fail');
    });

    const pushCoverage = (name: string, coverage: number, key: string) =>
      facts.recordPush({
        idempotencyKey: key,
        entityRef: `component:default/${name}`,
        facts: { 'ci.coverage.line': coverage },
        pushedBy: 'scorecards-publisher',
        contentHash: key,
      });

    it('keeps the facts CI pushed through full recomputes', async () => {
      const slos = reliabilityProvider(async request =>
        request.entities.map(e => ({
          entityRef: `component:default/${e.metadata.name}`,
          facts: { 'reliability.slos-met': true },
        })),
      );
      const { recomputer: r } = recomputer([GROUP, service('a')], [slos]);
      await pushCoverage('a', 81.5, 'ci-run-1');
      await r.recomputeAll();
      await r.recomputeAll();
      expect(await statusOf('component:default/a', 'line-coverage')).toBe(
        'pass',
      );
      expect(
        await facts.factHistory('component:default/a', 'ci.coverage.line'),
      ).toEqual([{ value: 81.5, validFrom: expect.any(String) }]);
    });

    it('scores entities again from the stored facts alone, without asking the providers', async () => {
      const computeFacts = jest.fn(async () => []);
      const { recomputer: r } = recomputer(
        [GROUP, service('a'), service('b')],
        [reliabilityProvider(computeFacts)],
      );
      await r.recomputeAll();
      expect(await statusOf('component:default/a', 'line-coverage')).toBe(
        'unknown',
      );
      computeFacts.mockClear();

      await pushCoverage('a', 52, 'ci-run-2');
      const rescored = await r.rescoreEntities([
        'Component:default/A',
        'component:default/gone',
        'group:default/payments',
      ]);
      expect(computeFacts).not.toHaveBeenCalled();
      // the group is not scored: no check applies to its kind
      expect(rescored.map(result => result.entityRef)).toEqual([
        'component:default/a',
      ]);
      expect(
        rescored[0].outcomes.find(o => o.checkId === 'line-coverage')?.status,
      ).toBe('fail');
      expect(await statusOf('component:default/a', 'line-coverage')).toBe(
        'fail',
      );
      expect(await statusOf('component:default/b', 'line-coverage')).toBe(
        'unknown',
      );
    });
  },
);
