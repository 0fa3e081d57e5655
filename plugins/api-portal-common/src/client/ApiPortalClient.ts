import { ResponseError } from '@backstage/errors';
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

/** The part of Backstage's discovery API the client needs. @public */
export type ApiPortalDiscoveryApi = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/** The part of Backstage's fetch API the client needs. @public */
export type ApiPortalFetchApi = {
  fetch: typeof fetch;
};

/** An entity by its ref parts. @public */
export type ApiPortalEntityName = {
  kind: string;
  namespace: string;
  name: string;
};

/** Pagination of the portal's lists. @public */
export type PageQuery = { cursor?: string; limit?: number };

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

function entityPath(entity: ApiPortalEntityName): string {
  return [entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/');
}

function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The typed client of the api-portal backend, for browsers and backends.
 *
 * @public
 */
export class ApiPortalClient implements ApiPortalApi {
  private readonly discoveryApi: ApiPortalDiscoveryApi;
  private readonly fetchApi: ApiPortalFetchApi;

  constructor(options: {
    discoveryApi: ApiPortalDiscoveryApi;
    fetchApi?: ApiPortalFetchApi;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? {
      fetch: globalThis.fetch.bind(globalThis),
    };
  }

  async listFamilies(query: PageQuery = {}) {
    return this.request<Page<FamilySummary>>(
      `/v1/families${queryString(query)}`,
    );
  }

  async getFamily(family: string) {
    return this.request<FamilyDetail>(
      `/v1/families/${encodeURIComponent(family)}`,
    );
  }

  async getFamilyChangelog(family: string, query: ChangelogQuery = {}) {
    return this.request<Page<ChangelogItem>>(
      `/v1/families/${encodeURIComponent(family)}/changelog${queryString(
        query,
      )}`,
    );
  }

  async getChangelog(query: ChangelogQuery = {}) {
    return this.request<Page<ChangelogItem>>(
      `/v1/changelog${queryString(query)}`,
    );
  }

  async listEntityRevisions(
    entity: ApiPortalEntityName,
    query: PageQuery = {},
  ) {
    return this.request<Page<SpecRevision>>(
      `/v1/entities/${entityPath(entity)}/revisions${queryString(query)}`,
    );
  }

  async getRevisionLint(revisionId: string) {
    return this.request<RevisionLint>(
      `/v1/revisions/${encodeURIComponent(revisionId)}/lint`,
    );
  }

  async getProvidedApis(entity: ApiPortalEntityName) {
    return this.request<ProvidedApis>(
      `/v1/entities/${entityPath(entity)}/provided-apis`,
    );
  }

  async listEntitySdks(entity: ApiPortalEntityName) {
    return this.request<EntitySdks>(`/v1/entities/${entityPath(entity)}/sdks`);
  }

  async refreshEntity(entity: ApiPortalEntityName) {
    return this.request<RefreshResult>(
      `/v1/entities/${entityPath(entity)}/refresh`,
      { method: 'POST' },
    );
  }

  async getSdkDownloadUrl(entity: ApiPortalEntityName, language: string) {
    return this.url(
      `/v1/entities/${entityPath(entity)}/sdks/${encodeURIComponent(
        language,
      )}/download`,
    );
  }

  async getPostmanUrl(entity: ApiPortalEntityName) {
    return this.url(`/v1/entities/${entityPath(entity)}/postman`);
  }

  async getFeedUrls(family?: string): Promise<FeedUrls> {
    const base = family
      ? `/v1/feeds/families/${encodeURIComponent(family)}`
      : '/v1/feeds/all';
    return {
      rss: await this.url(`${base}.rss`),
      atom: await this.url(`${base}.atom`),
    };
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('api-portal')}${path}`;
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
