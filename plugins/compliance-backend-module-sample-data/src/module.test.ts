import fs from 'node:fs';
import {
  AuthService,
  coreServices,
  createBackendModule,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
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
import compliancePlugin from '@readiness/plugin-compliance-backend';
import {
  ComplianceMatrix,
  EvidenceItem,
  GdprRegister,
  isSampleEvidence,
  MATRIX_STATES,
  Page,
} from '@readiness/plugin-compliance-common';
import {
  ComplianceEvidenceFilings,
  complianceEvidenceSourcesExtensionPoint,
} from '@readiness/plugin-compliance-node';
import { addDays, dayOf } from '@readiness/sample-data';
import { repositoryPath } from '@readiness/test-corpus';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import sampleDataModule from './module';
import { SAMPLE_DATA_TASK_ID } from './sampleDataSource';
import { SampleComplianceSeeder } from './SampleComplianceSeeder';
import { EVIDENCE_PLANS, sampleComplianceHistory } from './sampleHistory';

/**
 * The sample catalog as the catalog holds it, read from the repository's
 * files, each entity with the location it was read from (so the GDPR
 * records beside the services are found).
 */
function sampleEntities(): Entity[] {
  const files = [
    'catalog-info.yaml',
    'catalog/org.yaml',
    'catalog/platform.yaml',
    ...fs
      .readdirSync(repositoryPath('services'))
      .map(service => `services/${service}/catalog-info.yaml`),
  ];
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(repositoryPath(file), 'utf8')).map(
      document => {
        const entity = document.toJS() as Entity;
        return {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: {
              ...entity.metadata.annotations,
              'backstage.io/managed-by-location': `file:${repositoryPath(
                file,
              )}`,
            },
          },
        };
      },
    ),
  );
}

const COMPLIANCE = {
  frameworks: [repositoryPath('compliance', 'frameworks')],
  applicability: repositoryPath('compliance', 'applicability.yaml'),
  portalEvidence: repositoryPath('compliance', 'portal-evidence.yaml'),
};

// A history begun a month ago, so that a week later is in the past too
const ORIGIN = addDays(dayOf(new Date()), -30);
const WEEK_LATER = addDays(ORIGIN, 7);

const ON = { readinessPortal: { sampleData: { enabled: true } } };

type Task = Parameters<SchedulerService['scheduleTask']>[0];

/** Runs a scheduled task's function once, as the scheduler would. */
async function runTask(task: Task) {
  await task.fn(new AbortController().signal);
}

/** What a module of the compliance plugin is handed: the filings and its services. */
type Captured = {
  filings: ComplianceEvidenceFilings;
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
};

const databases = createStoreTestDatabases();

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'sample compliance history on %s',
  databaseId => {
    async function start(
      config: JsonObject,
      entities: Entity[] = sampleEntities(),
    ) {
      const tasks: Task[] = [];
      const captured: Partial<Captured> = {};
      const capture = createBackendModule({
        pluginId: 'compliance',
        moduleId: 'test-capture',
        register(reg) {
          reg.registerInit({
            deps: {
              sources: complianceEvidenceSourcesExtensionPoint,
              auth: coreServices.auth,
              logger: coreServices.logger,
              catalog: catalogServiceRef,
            },
            async init({ sources, auth, logger, catalog }) {
              Object.assign(captured, { auth, logger, catalog });
              sources.addEvidenceSource({
                name: 'test-capture',
                async connect(filings) {
                  captured.filings = filings;
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
          compliancePlugin,
          sampleDataModule,
          capture,
          catalogServiceMock.factory({ entities }),
          audiencePermissionsServiceFactory(),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          scheduler.factory,
          mockServices.rootConfig.factory({
            data: { ...config, compliance: COMPLIANCE },
          }),
        ],
      });
      const get = async <T>(url: string): Promise<T> => {
        const response = await request(server)
          .get(`/api/compliance${url}`)
          .set('Authorization', SAMPLE_CALLERS.internal);
        expect(response.status).toBe(200);
        return response.body as T;
      };
      const seederAt = (now: string, catalogWaitMs = 0) =>
        new SampleComplianceSeeder({
          auth: captured.auth!,
          catalog: captured.catalog!,
          logger: captured.logger!,
          catalogWaitMs,
          now: () => new Date(now),
        });
      return { tasks, captured: captured as Captured, get, seederAt };
    }

    /** Entity × control pairs of a framework per state, as the matrix counts them. */
    async function statesOf(
      get: <T>(url: string) => Promise<T>,
      framework: string,
    ): Promise<Record<string, number>> {
      const matrix = await get<ComplianceMatrix>(
        `/v1/matrix?framework=${framework}&groupBy=system`,
      );
      return Object.fromEntries(
        MATRIX_STATES.map((state, i) => [state, matrix.totals.states[i]]),
      );
    }

    async function evidenceOf(
      get: <T>(url: string) => Promise<T>,
      entity: string,
    ): Promise<EvidenceItem[]> {
      const items: EvidenceItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await get<Page<EvidenceItem>>(
          `/v1/entities/${entity}/evidence?limit=100${
            cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
          }`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    }

    /** The processors without a DPA on record, as the GDPR register finds them. */
    async function processorsWithoutDpa(get: <T>(url: string) => Promise<T>) {
      const register = await get<GdprRegister>('/v1/gdpr/register');
      return register.entries
        .flatMap(entry =>
          entry.findings
            .filter(f => f.kind === 'processor-without-dpa')
            .map(f => `${entry.entityRef}: ${f.subject}`),
        )
        .sort();
    }

    it('does nothing while sample data is off', async () => {
      for (const config of [
        {},
        { readinessPortal: { sampleData: { enabled: false } } },
      ]) {
        const { tasks, get } = await start(config);
        expect(tasks.map(t => t.id)).not.toContain(SAMPLE_DATA_TASK_ID);
        const states = await statesOf(get, 'SOC2');
        expect(states.missing).toBeGreaterThan(200);
        expect(states.fresh + states.expiring + states.expired).toBe(0);
        expect(await evidenceOf(get, 'system/default/filing-platform')).toEqual(
          [],
        );
      }
    });

    it('files a year of history that shows every state, once however often it runs', async () => {
      const { tasks, get } = await start(ON);
      const task = tasks.find(t => t.id === SAMPLE_DATA_TASK_ID);
      expect(task).toMatchObject({
        scope: 'global',
        frequency: { hours: 1 },
        initialDelay: { seconds: 5 },
      });
      const before = await statesOf(get, 'SOC2');
      expect(before).toMatchObject({
        fresh: 0,
        expiring: 0,
        expired: 0,
        failing: 0,
      });
      const gdprBefore = await processorsWithoutDpa(get);
      expect(gdprBefore).toHaveLength(7);

      await runTask(task!);
      const soc2 = await statesOf(get, 'SOC2');
      const iso = await statesOf(get, 'ISO27001');
      for (const states of [soc2, iso]) {
        expect(states.fresh).toBeGreaterThan(states.expiring);
        expect(states.expiring).toBeGreaterThan(0);
        expect(states.expired).toBeGreaterThan(0);
        expect(states.failing).toBeGreaterThan(0);
        expect(states.missing).toBeGreaterThan(0);
      }
      // The scan of documents and the alerting review of classification
      expect(soc2.failing).toBe(2);
      expect(soc2.fresh).toBeGreaterThan(60);

      const system = await evidenceOf(get, 'system/default/filing-platform');
      expect(system.length).toBeGreaterThan(10);
      expect(system.every(isSampleEvidence)).toBe(true);
      expect(system.every(i => i.filedBy === 'service:plugin:compliance')).toBe(
        true,
      );
      expect(system.filter(i => i.withdrawal)).toEqual([
        expect.objectContaining({
          title: 'Background checks of new joiners, second half-year',
          withdrawal: expect.objectContaining({
            reason: expect.stringMatching(/^Filed for the wrong period/),
          }),
        }),
      ]);
      // Each item collected within the year before now
      const now = Date.now();
      for (const item of system) {
        expect(Date.parse(item.collectedAt)).toBeLessThanOrEqual(now);
        expect(Date.parse(item.collectedAt)).toBeGreaterThan(
          now - 366 * 86_400_000,
        );
      }
      // The cloud provider's DPAs are on record; the payment provider's
      // was withdrawn and the language model provider has none
      expect(await processorsWithoutDpa(get)).toEqual([
        'component:default/assistant: Language model provider (EU region)',
        'component:default/billing: Payment service provider',
      ]);

      const ledger = (await evidenceOf(get, 'component/default/ledger')).length;
      await runTask(task!);
      expect(await statesOf(get, 'SOC2')).toEqual(soc2);
      expect((await evidenceOf(get, 'component/default/ledger')).length).toBe(
        ledger,
      );
      expect(
        (await evidenceOf(get, 'system/default/filing-platform')).length,
      ).toBe(system.length);
    });

    it('files nothing new on a second pass and only the new days later, with the same origin', async () => {
      const { captured, seederAt } = await start({});
      const first = await seederAt(`${ORIGIN}T18:00:00Z`).seed(
        captured.filings,
      );
      const planned = sampleComplianceHistory({
        origin: ORIGIN,
        now: new Date(`${ORIGIN}T18:00:00Z`),
      });
      expect(first).toEqual({
        items: { filed: planned.length, created: planned.length },
        withdrawals: { filed: 2, created: 2 },
        missingEntities: [],
      });

      const again = await seederAt(`${ORIGIN}T19:00:00Z`).seed(
        captured.filings,
      );
      expect(again).toEqual({
        items: { filed: planned.length, created: 0 },
        withdrawals: { filed: 2, created: 0 },
        missingEntities: [],
      });

      // A week later the history keeps its origin: this week's scans and
      // approvals are new, nothing else
      const weekLater = sampleComplianceHistory({
        origin: ORIGIN,
        now: new Date(`${WEEK_LATER}T18:00:00Z`),
      });
      const next = await seederAt(`${WEEK_LATER}T18:00:00Z`).seed(
        captured.filings,
      );
      expect(next.items).toEqual({
        filed: weekLater.length,
        created: weekLater.length - planned.length,
      });
      expect(next.items.created).toBeGreaterThan(0);
      expect(next.withdrawals.created).toBe(0);
    });

    it('skips and reports sample entities missing from the catalog', async () => {
      const without = sampleEntities().filter(
        e =>
          ![
            'component:default/classification',
            'resource:default/event-bus',
          ].includes(stringifyEntityRef(e)),
      );
      const { captured, seederAt, get } = await start({}, without);
      const report = await seederAt(`${ORIGIN}T18:00:00Z`).seed(
        captured.filings,
      );
      expect(report.missingEntities).toEqual([
        'component:default/classification',
        'resource:default/event-bus',
      ]);
      const planned = sampleComplianceHistory({
        origin: ORIGIN,
        now: new Date(`${ORIGIN}T18:00:00Z`),
      }).filter(
        i =>
          ![
            'component:default/classification',
            'resource:default/event-bus',
          ].includes(i.filing.entityRef),
      );
      expect(report.items).toEqual({
        filed: planned.length,
        created: planned.length,
      });
      expect(
        (await evidenceOf(get, 'component/default/ledger')).length,
      ).toBeGreaterThan(20);
    });

    it('waits for the catalog to read the sample entities on a first start', async () => {
      const { captured } = await start({});
      let reads = 0;
      const catalog: CatalogService = {
        ...captured.catalog,
        // The catalog has read no location for the first two rounds
        getEntityByRef: async (ref, options) => {
          reads += 1;
          return reads <= 26
            ? undefined
            : captured.catalog.getEntityByRef(ref, options);
        },
      };
      const sleeps: number[] = [];
      const seeder = new SampleComplianceSeeder({
        auth: captured.auth,
        catalog,
        logger: captured.logger,
        sleep: async ms => {
          sleeps.push(ms);
        },
        now: () => new Date(`${ORIGIN}T18:00:00Z`),
      });
      const report = await seeder.seed(captured.filings);
      expect(sleeps).toEqual([3_000, 3_000]);
      expect(report.missingEntities).toEqual([]);
      expect(report.items.created).toBeGreaterThan(250);
    });

    it('fails a pass on an item the services refuse', async () => {
      const { captured } = await start({});
      const broken = new SampleComplianceSeeder({
        auth: captured.auth,
        catalog: captured.catalog,
        logger: captured.logger,
        catalogWaitMs: 0,
        plans: [{ ...EVIDENCE_PLANS[0], controls: ['SOC2:CC99.1'] }],
      });
      await expect(broken.seed(captured.filings)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^controls\/0: /),
      });
    });
  },
);
