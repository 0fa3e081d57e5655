import { ComplianceClient } from './ComplianceClient';

type Call = { url: string; init?: RequestInit };

function clientAnswering(status: number, body: unknown) {
  const calls: Call[] = [];
  const client = new ComplianceClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

const ledger = { kind: 'component', namespace: 'default', name: 'ledger' };

describe('ComplianceClient', () => {
  it('asks for the controls of an entity by kind, namespace and name', async () => {
    const record = {
      entityRef: 'component:default/ledger',
      asOf: '2026-12-01T00:00:00.000Z',
      controls: [],
      coverage: [],
      problems: [],
    };
    const { client, calls } = clientAnswering(200, record);
    await expect(client.getEntityControls(ledger)).resolves.toEqual(record);
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/entities/component/default/ledger/controls',
    ]);
  });

  it('asks for the card summary of an entity', async () => {
    const summary = {
      entityRef: 'component:default/ledger',
      asOf: '2026-12-01T00:00:00.000Z',
      coverage: [],
    };
    const { client, calls } = clientAnswering(200, summary);
    await expect(client.getEntitySummary(ledger)).resolves.toEqual(summary);
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/entities/component/default/ledger/summary',
    ]);
  });

  it('encodes the parts of the entity path', async () => {
    const { client, calls } = clientAnswering(200, { items: [] });
    await client.listEntityEvidence({
      kind: 'resource',
      namespace: 'default',
      name: 'filing db/1',
    });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/entities/resource/default/filing%20db%2F1/evidence',
    ]);
  });

  it('pages evidence with the cursor and limit in the query', async () => {
    const { client, calls } = clientAnswering(200, {
      items: [],
      nextCursor: 'c2',
    });
    await expect(
      client.listEntityEvidence(ledger, { cursor: 'c1', limit: 50 }),
    ).resolves.toEqual({ items: [], nextCursor: 'c2' });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/entities/component/default/ledger/evidence?cursor=c1&limit=50',
    ]);
  });

  it('files evidence as a JSON body', async () => {
    const { client, calls } = clientAnswering(201, {
      item: { id: 'e1' },
      created: true,
    });
    const evidence = {
      entityRef: 'component:default/ledger',
      controls: ['SOC2:CC8.1'],
      source: 'manual' as const,
      title: 'Change review of release 2026.12.1',
      collectedAt: '2026-12-01T10:00:00.000Z',
      result: 'satisfied' as const,
      idempotencyKey: 'portal-ui:abc',
    };
    await expect(client.fileEvidence(evidence)).resolves.toEqual({
      item: { id: 'e1' },
      created: true,
    });
    expect(calls[0].url).toBe('http://backend/api/compliance/v1/evidence');
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(evidence);
  });

  it('withdraws an item with its reason', async () => {
    const { client, calls } = clientAnswering(201, {
      item: { id: 'e/1' },
      created: true,
    });
    await client.withdrawEvidence('e/1', { reason: 'Filed for the wrong run' });
    expect(calls[0].url).toBe(
      'http://backend/api/compliance/v1/evidence/e%2F1/withdrawals',
    );
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      reason: 'Filed for the wrong run',
    });
  });

  it('throws a ResponseError carrying the message of a refused filing', async () => {
    const { client } = clientAnswering(400, {
      error: {
        name: 'InputError',
        message: 'link: expected an absolute http or https URL',
      },
      request: { method: 'POST', url: '/v1/evidence' },
      response: { statusCode: 400 },
    });
    await expect(
      client.fileEvidence({
        entityRef: 'component:default/ledger',
        controls: ['SOC2:CC8.1'],
        source: 'manual',
        title: 't',
        link: 'ftp://x',
        collectedAt: '2026-12-01T10:00:00.000Z',
        result: 'satisfied',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'link: expected an absolute http or https URL',
        },
      },
    });
  });

  it('lists the loaded frameworks', async () => {
    const frameworks = {
      items: [{ id: 'SOC2', title: 'SOC 2', controls: 33 }],
    };
    const { client, calls } = clientAnswering(200, frameworks);
    await expect(client.listFrameworks()).resolves.toEqual(frameworks);
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/frameworks',
    ]);
  });

  it('asks for a matrix by framework and grouping, or the defaults without them', async () => {
    const matrix = { framework: 'ISO27001', controls: [], groups: [] };
    const { client, calls } = clientAnswering(200, matrix);
    await expect(
      client.getMatrix({ groupBy: 'owner', framework: 'ISO27001' }),
    ).resolves.toEqual(matrix);
    await client.getMatrix();
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/matrix?framework=ISO27001&groupBy=owner',
      'http://backend/api/compliance/v1/matrix',
    ]);
  });

  it('drills into a row by its encoded group ref, the empty group included', async () => {
    const { client, calls } = clientAnswering(200, { entities: [] });
    await client.getMatrixGroup({
      group: 'system:default/filing-platform',
      framework: 'SOC2',
      groupBy: 'system',
    });
    await client.getMatrixGroup({ framework: 'SOC2', group: '' });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/matrix/entities?framework=SOC2&groupBy=system&group=system%3Adefault%2Ffiling-platform',
      'http://backend/api/compliance/v1/matrix/entities?framework=SOC2&group=',
    ]);
  });

  it('throws the refusal of a matrix as a ResponseError with its status', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'You may not read compliance records',
      },
      response: { statusCode: 403 },
    });
    await expect(client.getMatrix({ framework: 'SOC2' })).rejects.toMatchObject(
      {
        name: 'ResponseError',
        statusCode: 403,
        body: { error: { message: 'You may not read compliance records' } },
      },
    );
  });

  it('asks for an entity’s GDPR record and the register', async () => {
    const { client, calls } = clientAnswering(200, { entries: [] });
    await client.getEntityGdpr(ledger);
    await expect(client.getGdprRegister()).resolves.toEqual({ entries: [] });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/compliance/v1/entities/component/default/ledger/gdpr',
      'http://backend/api/compliance/v1/gdpr/register',
    ]);
  });

  it('reads the register CSV as text, and throws the backend’s refusal', async () => {
    const csv = 'entity,title\r\ncomponent:default/ledger,Ledger\r\n';
    const client = new ComplianceClient({
      discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
      fetchApi: {
        fetch: (async (url: string) =>
          url.endsWith('/v1/gdpr/register.csv')
            ? new Response(csv, {
                status: 200,
                headers: { 'Content-Type': 'text/csv' },
              })
            : new Response('', { status: 500 })) as typeof fetch,
      },
    });
    await expect(client.getGdprRegisterCsv()).resolves.toBe(csv);

    const { client: refusing } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'You may not read compliance records',
      },
      response: { statusCode: 403 },
    });
    await expect(refusing.getGdprRegisterCsv()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'You may not read compliance records' } },
    });
  });
});
