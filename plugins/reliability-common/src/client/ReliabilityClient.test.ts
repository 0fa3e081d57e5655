import { ReliabilityClient } from './ReliabilityClient';

function clientAnswering(status: number, body: unknown) {
  const calls: string[] = [];
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: {
      fetch: (async (url: string) => {
        calls.push(url);
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

describe('ReliabilityClient', () => {
  it('lists runs with the query in the URL', async () => {
    const { client, calls } = clientAnswering(200, { items: [] });
    await expect(
      client.listRuns({
        entityRef: 'component:default/ledger',
        limit: 5,
        cursor: undefined,
      }),
    ).resolves.toEqual({ items: [] });
    expect(calls).toEqual([
      'http://backend/api/reliability/v1/runs?entityRef=component%3Adefault%2Fledger&limit=5',
    ]);
  });

  it('asks for an entity SLOs by kind, namespace and name', async () => {
    const { client, calls } = clientAnswering(200, { slos: [] });
    await client.getEntitySlos({
      kind: 'Component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(calls).toEqual([
      'http://backend/api/reliability/v1/entities/Component/default/ledger/slos',
    ]);
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'You may not read the reliability record of x',
      },
      request: { method: 'GET', url: '/v1/runs/1' },
      response: { statusCode: 403 },
    });
    await expect(client.getRun('1')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError' } },
    });
  });
});
