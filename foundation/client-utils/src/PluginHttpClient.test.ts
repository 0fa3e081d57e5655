import { entityPath, PluginHttpClient, queryString } from './index';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('PluginHttpClient', () => {
  function clientWith(answer: () => Response) {
    const fetch = jest.fn(async (_url: string, _init?: RequestInit) =>
      answer(),
    );
    const getBaseUrl = jest.fn(async (id: string) => `http://b.test/api/${id}`);
    const client = new PluginHttpClient({
      pluginId: 'things',
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
    });
    return { client, fetch, getBaseUrl };
  }

  it('finds the plugin through discovery and answers the JSON body', async () => {
    const { client, fetch, getBaseUrl } = clientWith(() => json({ a: 1 }));
    await expect(client.request('/v1/things')).resolves.toEqual({ a: 1 });
    expect(getBaseUrl).toHaveBeenCalledWith('things');
    expect(fetch).toHaveBeenCalledWith(
      'http://b.test/api/things/v1/things',
      undefined,
    );
    await expect(client.url('/v1/x')).resolves.toBe(
      'http://b.test/api/things/v1/x',
    );
  });

  it('sends JSON bodies', async () => {
    const { client, fetch } = clientWith(() => json({ created: true }, 201));
    await client.send('/v1/things', 'PUT', { name: 'n' });
    expect(fetch.mock.calls[0][1]).toEqual({
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"n"}',
    });
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { client } = clientWith(() =>
      json(
        {
          error: { name: 'NotAllowedError', message: 'internal' },
          request: { method: 'GET', url: '/v1/things' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    await expect(client.request('/v1/things')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError', message: 'internal' } },
    });
  });
});

describe('paths and queries', () => {
  it('encodes entity path parts', () => {
    expect(
      entityPath({ kind: 'api', namespace: 'default', name: 'a b/c' }),
    ).toBe('api/default/a%20b%2Fc');
  });

  it('keeps defined query values only', () => {
    expect(queryString({ a: 1, b: undefined, c: 'x y' })).toBe('?a=1&c=x+y');
    expect(queryString({ b: undefined })).toBe('');
  });
});
