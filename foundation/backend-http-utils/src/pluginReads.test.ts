import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  isNotFoundResponse,
  pluginRequestFetchApi,
  readEachBounded,
} from './pluginReads';

async function responseError(status: number): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'E', message: 'm' } }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

describe('pluginRequestFetchApi', () => {
  it('sends a plugin request token for the target plugin made on behalf of the credentials, keeping the other headers', async () => {
    const sent: Array<{ url: string; headers: Headers }> = [];
    const api = pluginRequestFetchApi({
      auth: mockServices.auth(),
      credentials: mockCredentials.service('plugin:scorecards'),
      targetPluginId: 'compliance',
      fetch: async (input, init) => {
        sent.push({ url: String(input), headers: new Headers(init?.headers) });
        return new Response('{}');
      },
    });
    await api.fetch('http://backend/api/compliance/v1/x', {
      headers: { Accept: 'application/json' },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('http://backend/api/compliance/v1/x');
    expect(sent[0].headers.get('Accept')).toBe('application/json');
    expect(sent[0].headers.get('Authorization')).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:scorecards'),
        targetPluginId: 'compliance',
      })}`,
    );
  });
});

describe('readEachBounded', () => {
  it('answers the reads in the order of the items, leaving out those that answered 404', async () => {
    const notFound = await responseError(404);
    const read = async (n: number) => {
      await new Promise(resolve => setTimeout(resolve, (5 - n) * 2));
      if (n === 2) throw notFound;
      return n * 10;
    };
    await expect(
      readEachBounded([1, 2, 3, 4], read, { concurrency: 2 }),
    ).resolves.toEqual([10, 30, 40]);
  });

  it('never has more reads in flight than the concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    const read = async (n: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 1));
      inFlight--;
      return n;
    };
    const items = Array.from({ length: 12 }, (_, i) => i);
    await expect(
      readEachBounded(items, read, { concurrency: 3 }),
    ).resolves.toEqual(items);
    expect(most).toBe(3);
  });

  it('fails the batch on any other failure and starts no read after it', async () => {
    const failure = await responseError(500);
    const started: number[] = [];
    const read = async (n: number) => {
      started.push(n);
      if (n === 1) throw failure;
      return n;
    };
    await expect(
      readEachBounded([0, 1, 2, 3], read, { concurrency: 1 }),
    ).rejects.toBe(failure);
    expect(started).toEqual([0, 1]);
  });

  it('stops before the next read once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const read = async (n: number) => {
      started.push(n);
      controller.abort();
      return n;
    };
    await expect(
      readEachBounded([0, 1], read, {
        concurrency: 1,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(started).toEqual([0]);
  });

  it('tells a 404 of a family client from other errors', async () => {
    expect(isNotFoundResponse(await responseError(404))).toBe(true);
    expect(isNotFoundResponse(await responseError(403))).toBe(false);
    expect(isNotFoundResponse(new Error('404'))).toBe(false);
  });
});
