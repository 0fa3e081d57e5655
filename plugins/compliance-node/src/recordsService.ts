import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  pluginRequestFetchApi,
  readEachBounded,
} from '@readiness/backend-http-utils';
import {
  ComplianceClient,
  EntityComplianceRecord,
} from '@readiness/plugin-compliance-common';

/**
 * Reads the compliance record (controls in scope with their state) of
 * several entities for other backends, such as the scorecards facts.
 *
 * @public
 */
export interface ComplianceRecordsService {
  /**
   * The records of the entities, in the order asked; an entity the
   * compliance backend does not find is left out.
   */
  getEntityRecords(
    entityRefs: readonly string[],
    options: { credentials: BackstageCredentials; signal?: AbortSignal },
  ): Promise<EntityComplianceRecord[]>;
}

/**
 * Reads through the compliance backend's GET
 * /v1/entities/{kind}/{namespace}/{name}/controls, a few entities at a time,
 * with a plugin request token made from the given credentials.
 *
 * @public
 */
export class DefaultComplianceRecordsService
  implements ComplianceRecordsService
{
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Reads in flight at once; 4 by default. */
      concurrency?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async getEntityRecords(
    entityRefs: readonly string[],
    options: { credentials: BackstageCredentials; signal?: AbortSignal },
  ): Promise<EntityComplianceRecord[]> {
    const client = new ComplianceClient({
      discoveryApi: this.deps.discovery,
      fetchApi: pluginRequestFetchApi({
        auth: this.deps.auth,
        credentials: options.credentials,
        targetPluginId: 'compliance',
        fetch: this.deps.fetch,
      }),
    });
    return readEachBounded(
      entityRefs,
      ref => client.getEntityControls(parseEntityRef(ref)),
      { concurrency: this.deps.concurrency ?? 4, signal: options.signal },
    );
  }
}

/**
 * The compliance records service, for backend plugins that read the
 * compliance state of entities: by default through the compliance
 * backend's HTTP API.
 *
 * @public
 */
export const complianceRecordsServiceRef =
  createServiceRef<ComplianceRecordsService>({
    id: 'compliance.records',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { discovery: coreServices.discovery, auth: coreServices.auth },
        factory: ({ discovery, auth }) =>
          new DefaultComplianceRecordsService({ discovery, auth }),
      }),
  });
