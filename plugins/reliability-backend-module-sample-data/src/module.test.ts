import path from 'node:path';
import {
  AuthService,
  coreServices,
  createBackendModule,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
  SAMPLE_CALLERS,
} from '@readiness/backend-test-utils';
// The module is tested with the plugin it extends, whole
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import reliabilityPlugin from '@readiness/plugin-reliability-backend';
import {
  EntityBackups,
  EntityDrills,
  EntityTrend,
  isSampleDrill,
  KeptGateVerdict,
  Page,
  PerfRunSummary,
} from '@readiness/plugin-reliability-common';
import {
  ReliabilityPublications,
  reliabilityPublicationSourcesExtensionPoint,
} from '@readiness/plugin-reliability-node';
import request from 'supertest';
import sampleDataModule from './module';
import { SAMPLE_DATA_TASK_ID } from './sampleDataSource';
import { SampleReliabilitySeeder } from './SampleReliabilitySeeder';
import {
  HISTORY_DAYS,
  SAMPLE_SERVICES,
  sampleReliabilityHistory,
} from './sampleHistory';

const REPOSITORY = path.resolve(__dirname, '../../..');

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
  };
}

/** How many nightly runs of a service the sample history holds as of `now`. */
function nightlyRunsBy(entityRef: string, now: Date): number {
  return sampleReliabilityHistory({ origin: '2026-01-01', now }).runs.filter(
    r => r.run.entityRef === entityRef,
  ).length;
}

/** The sample platform's entities the history names; ledger keeps its SLO file. */
const ENTITIES: Entity[] = [
  entity('Component', 'ledger', {
    'backstage.io/managed-by-location': `file:${path.join(
      REPOSITORY,
      'services/ledger/catalog-info.yaml',
    )}`,
    'readiness.dev/openslo': './slo.yaml',
  }),
  entity('Component', 'api-gateway'),
  entity('Component', 'documents'),
  entity('Component', 'webhooks'),
  entity('Component', 'billing'),
  entity('Resource', 'filing-db'),
  entity('Resource', 'document-store'),
];

type Task = Parameters<SchedulerService['scheduleTask']>[0];

/** Runs a scheduled task's function once, as the scheduler would. */
async function runTask(task: Task) {
  await task.fn(new AbortController().signal);
}

/** What a module of the reliability plugin is handed: the publications and its services. */
type Captured = {
  publications: ReliabilityPublications;
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
};

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'sample reliability history on %s',
  databaseId => {
    async function start(config: JsonObject) {
      const tasks: Task[] = [];
      const captured: Partial<Captured> = {};
      const capture = createBackendModule({
        pluginId: 'reliability',
        moduleId: 'test-capture',
        register(reg) {
          reg.registerInit({
            deps: {
              sources: reliabilityPublicationSourcesExtensionPoint,
              auth: coreServices.auth,
              logger: coreServices.logger,
              catalog: catalogServiceRef,
            },
            async init({ sources, auth, logger, catalog }) {
              Object.assign(captured, { auth, logger, catalog });
              sources.addPublicationSource({
                name: 'test-capture',
                async connect(publications) {
                  captured.publications = publications;
                },
              });
            },
          });
        },
      });
      const scheduler = mockServices.scheduler.mock({
        async scheduleTask(definition) {
          tasks.push(definition);
        },
      });
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          sampleDataModule,
          capture,
          catalogServiceMock.factory({ entities: ENTITIES }),
          audiencePermissionsServiceFactory(),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          scheduler.factory,
          mockServices.rootConfig.factory({ data: config }),
        ],
      });
      const get = async <T>(url: string): Promise<T> => {
        const response = await request(server)
          .get(`/api/reliability${url}`)
          .set('Authorization', SAMPLE_CALLERS.internal);
        expect(response.status).toBe(200);
        return response.body as T;
      };
      return { tasks, captured: captured as Captured, get };
    }

    /** What the record of the sample platform holds, as readers see it. */
    async function record(get: <T>(url: string) => Promise<T>) {
      const runs: Record<string, number> = {};
      for (const service of SAMPLE_SERVICES) {
        const page = await get<Page<PerfRunSummary>>(
          `/v1/runs?entityRef=${service.entityRef}&limit=100`,
        );
        runs[service.entityRef] = page.items.length;
      }
      const gates = await get<Page<KeptGateVerdict>>(
        '/v1/gates/component/default/ledger/history?limit=100',
      );
      const drills: Record<string, EntityDrills> = {};
      for (const name of ['ledger', 'documents', 'billing']) {
        drills[name] = await get<EntityDrills>(
          `/v1/entities/component/default/${name}/drills`,
        );
      }
      const verifications = await get<Page<unknown>>(
        '/v1/entities/component/default/ledger/backups/verifications?limit=100',
      );
      return {
        runs,
        ledgerGates: gates.items.map(g => g.status).sort(),
        drills: Object.fromEntries(
          Object.entries(drills).map(([name, d]) => [
            name,
            d.drills.filter(isSampleDrill).length,
          ]),
        ),
        ledgerVerifications: verifications.items.length,
      };
    }

    it('does nothing while sample data is off', async () => {
      for (const config of [
        {},
        { readinessPortal: { sampleData: { enabled: false } } },
      ]) {
        const { tasks, get } = await start(config);
        expect(tasks.map(t => t.id)).not.toContain(SAMPLE_DATA_TASK_ID);
        const runs = await get<Page<PerfRunSummary>>(
          '/v1/runs?entityRef=component:default/ledger',
        );
        expect(runs.items).toEqual([]);
      }
    }, 120_000);

    it('publishes the history through the services once, however often it runs', async () => {
      const { tasks, get } = await start({
        readinessPortal: { sampleData: { enabled: true } },
      });
      const task = tasks.find(t => t.id === SAMPLE_DATA_TASK_ID);
      expect(task).toMatchObject({ scope: 'global' });

      const before = new Date();
      await runTask(task!);
      const after = new Date();
      const first = await record(get);
      // 60 nights each, less tonight's runs of the services whose nightly
      // run had not finished yet when the task ran (early on a UTC day)
      for (const service of SAMPLE_SERVICES) {
        const count = first.runs[service.entityRef];
        expect(count).toBeGreaterThanOrEqual(
          nightlyRunsBy(service.entityRef, before),
        );
        expect(count).toBeLessThanOrEqual(
          nightlyRunsBy(service.entityRef, after),
        );
        expect([HISTORY_DAYS - 1, HISTORY_DAYS]).toContain(count);
      }
      // One release of ledger regressed; the gate failed it and passed the others
      expect(first.ledgerGates.filter(s => s === 'fail')).toHaveLength(1);
      expect(
        first.ledgerGates.filter(s => s !== 'fail').length,
      ).toBeGreaterThan(7);
      expect(first.ledgerVerifications).toBeGreaterThan(50);

      await runTask(task!);
      expect(await record(get)).toEqual(first);

      // What readers see: the pinned baseline, the missed target, the overdue
      // service and the stale kind of backup
      const trend = await get<EntityTrend>(
        '/v1/entities/component/default/ledger/trend?limit=60',
      );
      expect(trend.baseline?.kind).toBe('pinned');
      expect(
        trend.points.filter(p => p.thresholdsPassed === false),
      ).toHaveLength(3);
      const documents = await get<EntityDrills>(
        '/v1/entities/component/default/documents/drills',
      );
      expect(documents.drills.filter(d => !d.rtoMet)).toHaveLength(1);
      const billing = await get<EntityDrills>(
        '/v1/entities/component/default/billing/drills',
      );
      expect(billing.cadence.overdue).toBe(true);
      const backups = await get<EntityBackups>(
        '/v1/entities/component/default/ledger/backups',
      );
      expect(
        Object.fromEntries(backups.kinds.map(k => [k.kind, k.status])),
      ).toEqual({ 'base-backup': 'verified', 'wal-archive': 'stale' });
    }, 120_000);

    it('adds only the days that passed since, with the same origin', async () => {
      const { captured, get } = await start({});
      const seederAt = (now: string) =>
        new SampleReliabilitySeeder({
          auth: captured.auth,
          catalog: captured.catalog,
          logger: captured.logger,
          now: () => new Date(now),
        });
      const first = await seederAt('2026-12-05T18:00:00Z').seed(
        captured.publications,
      );
      expect(first.runs).toEqual({ published: 300, created: 300 });
      expect(first.pins).toEqual({ published: 2, created: 2 });
      expect(first.gates.created).toBe(first.gates.published);
      expect(first.missingEntities).toEqual([]);

      const nextDay = await seederAt('2026-12-06T18:00:00Z').seed(
        captured.publications,
      );
      expect(nextDay.runs).toEqual({ published: 300, created: 5 });
      expect(nextDay.pins).toEqual({ published: 0, created: 0 });
      // 2026-12-06 is a Sunday: no new release, so no new verdict
      expect(nextDay.gates.created).toBe(0);
      // Three daily kinds, and the stale WAL archive moves up a day too
      expect(nextDay.verifications.created).toBe(4);
      const runs = await get<Page<PerfRunSummary>>(
        '/v1/runs?entityRef=component:default/ledger&limit=100',
      );
      expect(runs.items).toHaveLength(61);
    }, 120_000);

    it('fails a pass on a publication the services refuse', async () => {
      const { captured } = await start({});
      const broken = new SampleReliabilitySeeder({
        auth: captured.auth,
        catalog: captured.catalog,
        logger: captured.logger,
        services: [{ ...SAMPLE_SERVICES[0], scenario: ' ' }],
      });
      await expect(broken.seed(captured.publications)).rejects.toMatchObject({
        name: 'InputError',
        message: '/scenario: expected a non-empty string',
      });
    }, 120_000);
  },
);
