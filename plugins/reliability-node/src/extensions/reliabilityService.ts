import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  EntityBackups,
  EntityDrills,
  EntityName,
  EntityReliabilityRecord,
  EntitySlos,
  EntityTrend,
  KeptGateVerdict,
  Page,
  PerfRunSummary,
  ListRunsQuery,
  ReliabilityClient,
  RunRegression,
} from '@readiness/plugin-reliability-common';

type Options = { credentials: BackstageCredentials };

/**
 * What other backends (scorecards, for example) read from the reliability
 * backend, on behalf of a caller whose permissions apply.
 *
 * @public
 */
export interface ReliabilityService {
  listRuns(
    query: ListRunsQuery,
    options: Options,
  ): Promise<Page<PerfRunSummary>>;
  getRegression(runId: string, options: Options): Promise<RunRegression>;
  getEntitySlos(entity: EntityName, options: Options): Promise<EntitySlos>;
  getEntityTrend(
    entity: EntityName,
    query: { scenario?: string; environment?: string; limit?: number },
    options: Options,
  ): Promise<EntityTrend>;
  getEntityDrills(entity: EntityName, options: Options): Promise<EntityDrills>;
  getEntityBackups(
    entity: EntityName,
    options: Options,
  ): Promise<EntityBackups>;
  listGateVerdicts(
    entity: EntityName,
    query: { release?: string; cursor?: string; limit?: number },
    options: Options,
  ): Promise<Page<KeptGateVerdict>>;
  /**
   * The records of up to 100 entities (MAX_ENTITY_RECORDS) in one call, in
   * the order asked, leaving out entities not in the catalog; for the
   * service credentials of a portal plugin only.
   */
  getEntityRecords(
    entityRefs: readonly string[],
    options: Options,
  ): Promise<{ items: EntityReliabilityRecord[] }>;
}

/** Calls the reliability backend with a plugin request token per call. */
class DefaultReliabilityService implements ReliabilityService {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  private async client(options: Options): Promise<ReliabilityClient> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'reliability',
    });
    return new ReliabilityClient({
      discoveryApi: this.discovery,
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          }),
      },
    });
  }

  async listRuns(query: ListRunsQuery, options: Options) {
    return (await this.client(options)).listRuns(query);
  }

  async getRegression(runId: string, options: Options) {
    return (await this.client(options)).getRegression(runId);
  }

  async getEntitySlos(entity: EntityName, options: Options) {
    return (await this.client(options)).getEntitySlos(entity);
  }

  async getEntityTrend(
    entity: EntityName,
    query: { scenario?: string; environment?: string; limit?: number },
    options: Options,
  ) {
    return (await this.client(options)).getEntityTrend(entity, query);
  }

  async getEntityDrills(entity: EntityName, options: Options) {
    return (await this.client(options)).getEntityDrills(entity);
  }

  async getEntityBackups(entity: EntityName, options: Options) {
    return (await this.client(options)).getEntityBackups(entity);
  }

  async listGateVerdicts(
    entity: EntityName,
    query: { release?: string; cursor?: string; limit?: number },
    options: Options,
  ) {
    return (await this.client(options)).listGateVerdicts(entity, query);
  }

  async getEntityRecords(entityRefs: readonly string[], options: Options) {
    return (await this.client(options)).getEntityRecords(entityRefs);
  }
}

/**
 * The reliability record for other backend plugins, through the reliability
 * backend's HTTP API with the caller's permissions.
 *
 * @public
 */
export const reliabilityServiceRef = createServiceRef<ReliabilityService>({
  id: 'reliability.service',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        new DefaultReliabilityService(discovery, auth),
    }),
});
