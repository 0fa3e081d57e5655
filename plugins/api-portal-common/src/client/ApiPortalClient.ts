import {
  entityPath,
  PageQuery,
  PluginHttpClient,
  PortalDiscoveryApi,
  PortalEntityName,
  PortalFetchApi,
  queryString,
} from '@readiness/client-utils';
import {
  ChangelogItem,
  EntitySdks,
  FamilyDetail,
  FamilySummary,
  Page,
  ProvidedApis,
  RefreshResult,
  RevisionLint,
  SpecRevision,
} from '../types';

/** An entity by its ref parts. @public */
export type ApiPortalEntityName = PortalEntityName;

/** A changelog query: pagination and, optionally, breaking entries only. @public */
export type ChangelogQuery = PageQuery & { breaking?: boolean };

/** The RSS and Atom feeds of a changelog. @public */
export type FeedUrls = { rss: string; atom: string };

/**
 * What the api-portal backend offers to readers.
 *
 * @public
 */
export interface ApiPortalApi {
  listFamilies(query?: PageQuery): Promise<Page<FamilySummary>>;
  getFamily(family: string): Promise<FamilyDetail>;
  getFamilyChangelog(
    family: string,
    query?: ChangelogQuery,
  ): Promise<Page<ChangelogItem>>;
  getChangelog(query?: ChangelogQuery): Promise<Page<ChangelogItem>>;
  listEntityRevisions(
    entity: ApiPortalEntityName,
    query?: PageQuery,
  ): Promise<Page<SpecRevision>>;
  getRevisionLint(revisionId: string): Promise<RevisionLint>;
  /** The APIs an entity provides, summarised for its card. */
  getProvidedApis(entity: ApiPortalEntityName): Promise<ProvidedApis>;
  listEntitySdks(entity: ApiPortalEntityName): Promise<EntitySdks>;
  refreshEntity(entity: ApiPortalEntityName): Promise<RefreshResult>;
  /** The URL of an SDK archive; fetch it with the caller's token. */
  getSdkDownloadUrl(
    entity: ApiPortalEntityName,
    language: string,
  ): Promise<string>;
  /** The URL of the entity's Postman collection. */
  getPostmanUrl(entity: ApiPortalEntityName): Promise<string>;
  /** The family's feeds, or every readable family's without one. */
  getFeedUrls(family?: string): Promise<FeedUrls>;
}

/**
 * The typed client of the api-portal backend, for browsers and backends.
 *
 * @public
 */
export class ApiPortalClient implements ApiPortalApi {
  private readonly http: PluginHttpClient;

  constructor(options: {
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.http = new PluginHttpClient({ pluginId: 'api-portal', ...options });
  }

  async listFamilies(query: PageQuery = {}) {
    return this.http.request<Page<FamilySummary>>(
      `/v1/families${queryString(query)}`,
    );
  }

  async getFamily(family: string) {
    return this.http.request<FamilyDetail>(
      `/v1/families/${encodeURIComponent(family)}`,
    );
  }

  async getFamilyChangelog(family: string, query: ChangelogQuery = {}) {
    return this.http.request<Page<ChangelogItem>>(
      `/v1/families/${encodeURIComponent(family)}/changelog${queryString(
        query,
      )}`,
    );
  }

  async getChangelog(query: ChangelogQuery = {}) {
    return this.http.request<Page<ChangelogItem>>(
      `/v1/changelog${queryString(query)}`,
    );
  }

  async listEntityRevisions(
    entity: ApiPortalEntityName,
    query: PageQuery = {},
  ) {
    return this.http.request<Page<SpecRevision>>(
      `/v1/entities/${entityPath(entity)}/revisions${queryString(query)}`,
    );
  }

  async getRevisionLint(revisionId: string) {
    return this.http.request<RevisionLint>(
      `/v1/revisions/${encodeURIComponent(revisionId)}/lint`,
    );
  }

  async getProvidedApis(entity: ApiPortalEntityName) {
    return this.http.request<ProvidedApis>(
      `/v1/entities/${entityPath(entity)}/provided-apis`,
    );
  }

  async listEntitySdks(entity: ApiPortalEntityName) {
    return this.http.request<EntitySdks>(
      `/v1/entities/${entityPath(entity)}/sdks`,
    );
  }

  async refreshEntity(entity: ApiPortalEntityName) {
    return this.http.request<RefreshResult>(
      `/v1/entities/${entityPath(entity)}/refresh`,
      { method: 'POST' },
    );
  }

  async getSdkDownloadUrl(entity: ApiPortalEntityName, language: string) {
    return this.http.url(
      `/v1/entities/${entityPath(entity)}/sdks/${encodeURIComponent(
        language,
      )}/download`,
    );
  }

  async getPostmanUrl(entity: ApiPortalEntityName) {
    return this.http.url(`/v1/entities/${entityPath(entity)}/postman`);
  }

  async getFeedUrls(family?: string): Promise<FeedUrls> {
    const base = family
      ? `/v1/feeds/families/${encodeURIComponent(family)}`
      : '/v1/feeds/all';
    return {
      rss: await this.http.url(`${base}.rss`),
      atom: await this.http.url(`${base}.atom`),
    };
  }
}
