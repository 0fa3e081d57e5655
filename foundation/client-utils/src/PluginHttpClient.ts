import { ResponseError } from '@backstage/errors';

/**
 * The part of Backstage's discovery API a client needs.
 *
 * @public
 */
export type PortalDiscoveryApi = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/**
 * The part of Backstage's fetch API a client needs.
 *
 * @public
 */
export type PortalFetchApi = { fetch: typeof fetch };

/**
 * An entity by its ref parts.
 *
 * @public
 */
export type PortalEntityName = {
  kind: string;
  namespace: string;
  name: string;
};

/**
 * `kind/namespace/name` of an entity, each part URL-encoded, for entity paths.
 *
 * @public
 */
export function entityPath(entity: PortalEntityName): string {
  return [entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/');
}

/**
 * `?a=1&b=x` from the defined values of a query, or `''` when none is.
 *
 * @public
 */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls one backend plugin: finds it through discovery, sends with the fetch
 * API (which adds the caller's token in the browser), answers the JSON body,
 * and throws a `ResponseError` carrying the backend's error otherwise.
 *
 * @public
 */
export class PluginHttpClient {
  private readonly pluginId: string;
  private readonly discoveryApi: PortalDiscoveryApi;
  private readonly fetchApi: PortalFetchApi;

  constructor(options: {
    pluginId: string;
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.pluginId = options.pluginId;
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? {
      fetch: globalThis.fetch.bind(globalThis),
    };
  }

  /** The absolute URL of a path of the plugin's API. */
  async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl(this.pluginId)}${path}`;
  }

  /** Sends a request and answers its JSON body. */
  async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  /** Sends a JSON body with this method and answers the JSON response. */
  async send<T>(path: string, method: string, body: unknown): Promise<T> {
    return this.request<T>(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}
