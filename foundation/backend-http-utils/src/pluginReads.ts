/*
 * How one backend reads another plugin's HTTP API with a family client of
 * `-common` (built for browsers on a fetch API): a fetch that carries a
 * plugin request token made from the given credentials, and per-entity
 * reads of a batch with a bounded number in flight.
 */
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * A fetch API for a family client that adds a plugin request token for
 * `targetPluginId`, made on behalf of the credentials, to every request.
 *
 * @public
 */
export function pluginRequestFetchApi(options: {
  auth: AuthService;
  credentials: BackstageCredentials;
  targetPluginId: string;
  fetch?: typeof fetch;
}): { fetch: typeof fetch } {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    fetch: async (input, init) => {
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: options.credentials,
        targetPluginId: options.targetPluginId,
      });
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return send(input, { ...init, headers });
    },
  };
}

/**
 * Whether an error is the 404 of a family client (a `ResponseError`).
 *
 * @public
 */
export function isNotFoundResponse(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { statusCode?: unknown }).statusCode === 404
  );
}

/**
 * Reads each item with at most `concurrency` reads in flight, in the
 * order given. An item whose read answers 404 (an entity the family does
 * not know) is left out; any other failure fails the whole batch, and an
 * aborted signal stops it before the next read.
 *
 * @public
 */
export async function readEachBounded<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  options: { concurrency: number; signal?: AbortSignal },
): Promise<R[]> {
  const results: Array<{ value: R } | undefined> = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      options.signal?.throwIfAborted();
      const index = next++;
      try {
        results[index] = { value: await read(items[index]) };
      } catch (error) {
        if (isNotFoundResponse(error)) continue;
        // The other workers stop before their next read
        failed = true;
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results.flatMap(result => (result ? [result.value] : []));
}
