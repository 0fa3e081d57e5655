import {
  createBackendPlugin,
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ApiPortalService, apiPortalServiceRef } from './apiPortalService';

describe('apiPortalServiceRef', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it("calls the api-portal backend's routes with a plugin token made from the given credentials", async () => {
    const sent: Array<{ url: string; authorization: string | null }> = [];
    global.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({
        url: String(input),
        authorization: new Headers(init?.headers).get('Authorization'),
      });
      return new Response(JSON.stringify({ items: [] }), {
        headers: { 'Content-Type': 'application/json' },
      });
    }) as typeof fetch;

    let service: ApiPortalService | undefined;
    await startTestBackend({
      features: [
        createServiceFactory({
          service: coreServices.discovery,
          deps: {},
          factory: () =>
            mockServices.discovery.mock({
              getBaseUrl: async id => `http://backend/api/${id}`,
            }),
        }),
        createBackendPlugin({
          pluginId: 'scorecards',
          register(env) {
            env.registerInit({
              deps: { apiPortal: apiPortalServiceRef },
              async init({ apiPortal }) {
                service = apiPortal;
              },
            });
          },
        }),
      ],
    });
    const credentials = mockCredentials.service('plugin:scorecards');
    const options = { credentials };
    const entity = { kind: 'api', namespace: 'default', name: 'ledger-api' };
    await service!.listEntityRevisions(entity, { limit: 1 }, options);
    await service!.getFamily('ledger-api', options);
    await service!.getFamilyChangelog('ledger-api', { limit: 1 }, options);
    await service!.listEntitySdks(entity, options);

    expect(sent.map(s => s.url)).toEqual([
      'http://backend/api/api-portal/v1/entities/api/default/ledger-api/revisions?limit=1',
      'http://backend/api/api-portal/v1/families/ledger-api',
      'http://backend/api/api-portal/v1/families/ledger-api/changelog?limit=1',
      'http://backend/api/api-portal/v1/entities/api/default/ledger-api/sdks',
    ]);
    const token = mockCredentials.service.token({
      onBehalfOf: credentials,
      targetPluginId: 'api-portal',
    });
    expect(new Set(sent.map(s => s.authorization))).toEqual(
      new Set([`Bearer ${token}`]),
    );
  });
});
