import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { pluginRequestFetchApi } from '@readiness/backend-http-utils';
import {
  ApiPortalClient,
  ApiPortalEntityName,
  ChangelogItem,
  EntitySdks,
  FamilyDetail,
  Page,
  PageQuery,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';

type Options = { credentials: BackstageCredentials };

/**
 * What other backends (scorecards, for example) read from the api-portal
 * backend, on behalf of a caller whose permissions apply.
 *
 * @public
 */
export interface ApiPortalService {
  listEntityRevisions(
    entity: ApiPortalEntityName,
    query: PageQuery,
    options: Options,
  ): Promise<Page<SpecRevision>>;
  getFamily(family: string, options: Options): Promise<FamilyDetail>;
  getFamilyChangelog(
    family: string,
    query: PageQuery & { breaking?: boolean },
    options: Options,
  ): Promise<Page<ChangelogItem>>;
  listEntitySdks(
    entity: ApiPortalEntityName,
    options: Options,
  ): Promise<EntitySdks>;
}

/** Calls the api-portal backend with a plugin request token per request. */
class DefaultApiPortalService implements ApiPortalService {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  private client(options: Options): ApiPortalClient {
    return new ApiPortalClient({
      discoveryApi: this.discovery,
      fetchApi: pluginRequestFetchApi({
        auth: this.auth,
        credentials: options.credentials,
        targetPluginId: 'api-portal',
      }),
    });
  }

  async listEntityRevisions(
    entity: ApiPortalEntityName,
    query: PageQuery,
    options: Options,
  ) {
    return this.client(options).listEntityRevisions(entity, query);
  }

  async getFamily(family: string, options: Options) {
    return this.client(options).getFamily(family);
  }

  async getFamilyChangelog(
    family: string,
    query: PageQuery & { breaking?: boolean },
    options: Options,
  ) {
    return this.client(options).getFamilyChangelog(family, query);
  }

  async listEntitySdks(entity: ApiPortalEntityName, options: Options) {
    return this.client(options).listEntitySdks(entity);
  }
}

/**
 * The API portal's record for other backend plugins, through the
 * api-portal backend's HTTP API with the caller's permissions.
 *
 * @public
 */
export const apiPortalServiceRef = createServiceRef<ApiPortalService>({
  id: 'api-portal.service',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        new DefaultApiPortalService(discovery, auth),
    }),
});
