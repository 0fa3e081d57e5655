import { ApiPortalClient } from './ApiPortalClient';

const BASE = 'http://localhost:7007/api/api-portal';
const LEDGER_V2 = { kind: 'api', namespace: 'default', name: 'ledger-api-v2' };

function clientWith(response: () => Response) {
  // A body reads once, so every call gets a fresh response.
  const fetch = jest.fn(async () => response());
  const discoveryApi = { getBaseUrl: jest.fn(async () => BASE) };
  const client = new ApiPortalClient({
    discoveryApi,
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, discoveryApi };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('ApiPortalClient', () => {
  it('asks discovery for the api-portal backend', async () => {
    const { client, fetch, discoveryApi } = clientWith(() =>
      json({ items: [] }),
    );
    await expect(client.listFamilies({ limit: 5 })).resolves.toEqual({
      items: [],
    });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('api-portal');
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/v1/families?limit=5`,
      undefined,
    );
  });

  it('reads a family and its changelog with the breaking filter', async () => {
    const { client, fetch } = clientWith(() => json({ items: [] }));
    await client.getFamily('ledger api');
    await client.getFamilyChangelog('ledger-api', {
      breaking: true,
      limit: 10,
    });
    await client.getChangelog({ cursor: 'c1' });
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      `${BASE}/v1/families/ledger%20api`,
      `${BASE}/v1/families/ledger-api/changelog?breaking=true&limit=10`,
      `${BASE}/v1/changelog?cursor=c1`,
    ]);
  });

  it('addresses entities by kind, namespace and name', async () => {
    const { client, fetch } = clientWith(() => json({ items: [] }));
    await client.listEntityRevisions(LEDGER_V2);
    await client.listEntitySdks(LEDGER_V2);
    await client.getRevisionLint('r-1');
    await client.refreshEntity(LEDGER_V2);
    await client.getProvidedApis({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(fetch.mock.calls).toEqual([
      [`${BASE}/v1/entities/api/default/ledger-api-v2/revisions`, undefined],
      [`${BASE}/v1/entities/api/default/ledger-api-v2/sdks`, undefined],
      [`${BASE}/v1/revisions/r-1/lint`, undefined],
      [
        `${BASE}/v1/entities/api/default/ledger-api-v2/refresh`,
        { method: 'POST' },
      ],
      [`${BASE}/v1/entities/component/default/ledger/provided-apis`, undefined],
    ]);
  });

  it('builds download, Postman and feed URLs without fetching', async () => {
    const { client, fetch } = clientWith(() => json({}));
    await expect(
      client.getSdkDownloadUrl(LEDGER_V2, 'typescript'),
    ).resolves.toBe(
      `${BASE}/v1/entities/api/default/ledger-api-v2/sdks/typescript/download`,
    );
    await expect(client.getPostmanUrl(LEDGER_V2)).resolves.toBe(
      `${BASE}/v1/entities/api/default/ledger-api-v2/postman`,
    );
    await expect(client.getFeedUrls('ledger-api')).resolves.toEqual({
      rss: `${BASE}/v1/feeds/families/ledger-api.rss`,
      atom: `${BASE}/v1/feeds/families/ledger-api.atom`,
    });
    await expect(client.getFeedUrls()).resolves.toEqual({
      rss: `${BASE}/v1/feeds/all.rss`,
      atom: `${BASE}/v1/feeds/all.atom`,
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('throws a ResponseError carrying the status', async () => {
    const { client } = clientWith(() =>
      json(
        {
          error: { name: 'NotAllowedError', message: 'internal API' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    await expect(client.getFamily('ledger-api')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
