import { ResponseError } from '@backstage/errors';
import { Page, PerfRun, PerfRunSummary } from '../perfRun';
import { EntitySlos } from '../slo/entitySlos';

/** The part of Backstage's discovery API the client needs. @public */
export type ReliabilityDiscoveryApi = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/** The part of Backstage's fetch API the client needs. @public */
export type ReliabilityFetchApi = {
  fetch: typeof fetch;
};

/** @public */
export type ListRunsQuery = {
  entityRef: string;
  scenario?: string;
  environment?: string;
  release?: string;
  cursor?: string;
  limit?: number;
};

/**
 * What the reliability backend offers to readers.
 *
 * @public
 */
export interface ReliabilityApi {
  listRuns(query: ListRunsQuery): Promise<Page<PerfRunSummary>>;
  getRun(id: string): Promise<PerfRun>;
  getEntitySlos(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<EntitySlos>;
}

/**
 * The typed client of the reliability backend, for browsers and backends.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: ReliabilityDiscoveryApi;
  private readonly fetchApi: ReliabilityFetchApi;

  constructor(options: {
    discoveryApi: ReliabilityDiscoveryApi;
    fetchApi?: ReliabilityFetchApi;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? {
      fetch: globalThis.fetch.bind(globalThis),
    };
  }

  async listRuns(query: ListRunsQuery): Promise<Page<PerfRunSummary>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    return this.request(`/v1/runs?${params}`);
  }

  async getRun(id: string): Promise<PerfRun> {
    return this.request(`/v1/runs/${encodeURIComponent(id)}`);
  }

  async getEntitySlos(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<EntitySlos> {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    return this.request(`/v1/entities/${path}/slos`);
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
