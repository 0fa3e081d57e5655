import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DefaultComplianceRecordsService } from './recordsService';

describe('DefaultComplianceRecordsService', () => {
  it("reads each entity's controls with a plugin token for compliance, leaving out entities the backend does not find", async () => {
    const sent: Array<{ url: string; authorization: string | null }> = [];
    const service = new DefaultComplianceRecordsService({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
      }),
      auth: mockServices.auth({ pluginId: 'scorecards' }),
      concurrency: 2,
      fetch: async (input, init) => {
        const url = String(input);
        sent.push({
          url,
          authorization: new Headers(init?.headers).get('Authorization'),
        });
        if (url.includes('/gone/')) {
          return new Response(
            JSON.stringify({ error: { name: 'NotFoundError', message: 'x' } }),
            { status: 404, headers: { 'Content-Type': 'application/json' } },
          );
        }
        const name = url.split('/').at(-2);
        return new Response(
          JSON.stringify({ entityRef: `component:default/${name}` }),
          { headers: { 'Content-Type': 'application/json' } },
        );
      },
    });
    const credentials = mockCredentials.service('plugin:scorecards');
    const records = await service.getEntityRecords(
      [
        'component:default/ledger',
        'component:default/gone',
        'component:default/webhooks',
      ],
      { credentials },
    );
    expect(records.map(r => r.entityRef)).toEqual([
      'component:default/ledger',
      'component:default/webhooks',
    ]);
    expect(sent.map(s => s.url).sort()).toEqual([
      'http://backend/api/compliance/v1/entities/component/default/gone/controls',
      'http://backend/api/compliance/v1/entities/component/default/ledger/controls',
      'http://backend/api/compliance/v1/entities/component/default/webhooks/controls',
    ]);
    const token = mockCredentials.service.token({
      onBehalfOf: credentials,
      targetPluginId: 'compliance',
    });
    expect(new Set(sent.map(s => s.authorization))).toEqual(
      new Set([`Bearer ${token}`]),
    );
  });

  it('fails the read when the compliance backend fails for any entity', async () => {
    const service = new DefaultComplianceRecordsService({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
      }),
      auth: mockServices.auth({ pluginId: 'scorecards' }),
      fetch: async () =>
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'unavailable' } }),
          { status: 503, headers: { 'Content-Type': 'application/json' } },
        ),
    });
    await expect(
      service.getEntityRecords(['component:default/ledger'], {
        credentials: mockCredentials.service('plugin:scorecards'),
      }),
    ).rejects.toMatchObject({ statusCode: 503 });
  });
});
