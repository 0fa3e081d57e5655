import { ResponseError } from '@backstage/errors';
import { GateVerdict } from '../gate/gate';
import { Page, PerfRun, PerfRunMetadata, PerfRunSummary } from '../perfRun';
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

  /** Publishes a run with its k6 summary document (service credentials). */
  async publishRun(request: {
    run: PerfRunMetadata;
    results: unknown;
  }): Promise<{ run: PerfRunSummary; created: boolean; warnings: string[] }> {
    return this.request('/v1/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  /** Publishes a run from k6's JSON stream, plain or gzip (service credentials). */
  async publishRunStream(
    run: PerfRunMetadata,
    body: Uint8Array,
  ): Promise<{ run: PerfRunSummary; created: boolean; warnings: string[] }> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(run)) {
      if (value !== undefined) params.set(key, String(value));
    }
    return this.request(`/v1/runs/stream?${params}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body,
    });
  }

  /** Asks the release gate; the verdict is kept by the backend. */
  async decideGate(
    entity: { kind: string; namespace: string; name: string },
    release: string,
    environment: string,
  ): Promise<GateVerdict & { id: string; decidedAt: string }> {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const params = new URLSearchParams({ release, environment });
    return this.request(`/v1/gates/${path}?${params}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
