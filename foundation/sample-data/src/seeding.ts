import {
  AuthService,
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createBackendModule,
  ExtensionPoint,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { sampleDataEnabled } from './options';

/**
 * A source of sample records, shaped like each family's source extension
 * (evidence sources, publication sources, sample download sources).
 *
 * @public
 */
export type SampleDataSource<TTarget> = {
  readonly name: string;
  connect(target: TTarget): Promise<void>;
};

/**
 * The sample records as a source: once the family's backend has started, a
 * scheduled task (one replica at a time) seeds them, and again every hour,
 * so a long-running portal gets each new day's records.
 *
 * @public
 */
export function scheduledSampleDataSource<TTarget>(options: {
  /** The id of the scheduled task that seeds and extends the sample history. */
  taskId: string;
  scheduler: SchedulerService;
  seed(target: TTarget): Promise<unknown>;
  /** How long after the start the first pass runs; 5 seconds unless given. */
  initialDelay?: SchedulerServiceTaskScheduleDefinition['initialDelay'];
}): SampleDataSource<TTarget> {
  const { taskId, scheduler, seed } = options;
  return {
    name: 'sample-data',
    async connect(target) {
      await scheduler.scheduleTask({
        id: taskId,
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: options.initialDelay ?? { seconds: 5 },
        fn: async () => {
          await seed(target);
        },
      });
    },
  };
}

/**
 * The sample entities in the catalog, once all of them are or the wait is
 * over: on a first start the catalog reads its locations while the backend
 * starts.
 *
 * @public
 */
export async function presentSampleEntities(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
  options: {
    /** How long to wait for the sample entities; 2 minutes unless given. */
    waitMs?: number;
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<Set<string>> {
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  const sleep =
    options.sleep ??
    ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  for (;;) {
    const present = new Set<string>();
    for (const ref of refs) {
      if (await catalog.getEntityByRef(ref, { credentials })) {
        present.add(ref);
      }
    }
    if (present.size === refs.length || Date.now() >= deadline) {
      return present;
    }
    await sleep(3_000);
  }
}

/**
 * The end of a seeding pass's log line that names the sample entities
 * missing from the catalog, or nothing when none are.
 *
 * @public
 */
export function missingSampleEntitiesNote(missingEntities: string[]): string {
  return missingEntities.length > 0
    ? `; skipped entities missing from the catalog: ${missingEntities.join(
        ', ',
      )}`
    : '';
}

/**
 * What a family's sample seeder is built with: the seeding services, and
 * for tests how long to wait for the catalog, the clock and the pause.
 *
 * @public
 */
export type SampleSeederDeps = {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  /** How long to wait for the sample entities to reach the catalog. */
  catalogWaitMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * The services a sample-data module seeds with.
 *
 * @public
 */
export type SampleDataServices = {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  scheduler: SchedulerService;
};

/**
 * A family's sample-data module (`moduleId: 'sample-data'`): does nothing
 * unless sample data is on, and otherwise hands the family's source
 * extension point and the seeding services to `register`.
 *
 * @public
 */
export function createSampleDataModule<TSources>(options: {
  pluginId: string;
  sources: ExtensionPoint<TSources>;
  register(sources: TSources, services: SampleDataServices): void;
}): BackendFeature {
  return createBackendModule({
    pluginId: options.pluginId,
    moduleId: 'sample-data',
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          auth: coreServices.auth,
          scheduler: coreServices.scheduler,
          catalog: catalogServiceRef,
          sources: options.sources,
        },
        async init({ config, logger, auth, scheduler, catalog, sources }) {
          if (!sampleDataEnabled(config, logger)) return;
          options.register(sources, { auth, catalog, logger, scheduler });
        },
      });
    },
  });
}
