/*
 * The audience policy applied by the real catalog backend to the sample
 * catalog: what internal users and partners of two orgs get from list and
 * get-by-name requests. Permission decisions come from our policy in process
 * (the transport through the permission backend, and anonymous callers, are
 * covered by the browser tests against the real backend).
 */
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { audiencePermissionsServiceFactory } from '@readiness/backend-test-utils';
import localFilesModule from '@readiness/plugin-catalog-backend-module-local-files';

const root = path.resolve(__dirname, '../../..');

const PARTNER_SERVICES = ['documents', 'filings', 'ledger', 'webhooks'];
const ALL_SERVICES = [
  'api-gateway',
  'assistant',
  'billing',
  'classification',
  'documents',
  'filings',
  'ledger',
  'ocr',
  'webhooks',
];

describe('the audience policy on the sample catalog', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        localFilesModule,
        audiencePermissionsServiceFactory(),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                  ],
                },
              ],
              processingInterval: { seconds: 1 },
              locations: [
                {
                  type: 'file',
                  target: path.join(root, 'catalog/org.yaml'),
                  rules: [{ allow: ['User', 'Group'] }],
                },
                {
                  type: 'file',
                  target: path.join(root, 'catalog/sample-platform.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;

    // Wait until the sample files are ingested
    const deadline = Date.now() + 60_000;
    for (;;) {
      const names = await serviceNames('user:default/guest');
      if (names.length === ALL_SERVICES.length) break;
      if (Date.now() > deadline) throw new Error(`catalog has ${names}`);
      await new Promise(r => setTimeout(r, 500));
    }
  }, 90_000);

  function get(url: string, user?: string) {
    const call = request(server).get(url);
    return user
      ? call.set('Authorization', mockCredentials.user.header(user))
      : call;
  }

  async function serviceNames(user: string): Promise<string[]> {
    const response = await get(
      '/api/catalog/entities?filter=kind=component,spec.type=service&fields=metadata.name',
      user,
    );
    if (response.status !== 200) {
      throw new Error(`catalog answered ${response.status}: ${response.text}`);
    }
    const body = response.body as Array<{ metadata: { name: string } }>;
    return body.map(e => e.metadata.name).sort();
  }

  it('lists every service to an internal user', async () => {
    await expect(serviceNames('user:default/guest')).resolves.toEqual(
      ALL_SERVICES,
    );
  });

  it.each(['user:default/maria.lopez', 'user:default/kenji.sato'])(
    'lists only partner-facing services to %s',
    async user => {
      await expect(serviceNames(user)).resolves.toEqual(PARTNER_SERVICES);
    },
  );

  it.each([
    // [caller, entity, status]
    ['user:default/guest', 'component/default/ocr', 200],
    ['user:default/guest', 'group/default/partner-globex', 200],
    ['user:default/maria.lopez', 'component/default/ledger', 200],
    ['user:default/maria.lopez', 'api/default/ledger-api-v2', 200],
    ['user:default/maria.lopez', 'component/default/ocr', 404],
    ['user:default/maria.lopez', 'api/default/ocr-api', 404],
    ['user:default/maria.lopez', 'resource/default/filing-db', 404],
    ['user:default/maria.lopez', 'user/default/maria.lopez', 200],
    ['user:default/maria.lopez', 'group/default/partner-acme', 200],
    ['user:default/maria.lopez', 'group/default/partner-globex', 404],
    ['user:default/maria.lopez', 'user/default/kenji.sato', 404],
    ['user:default/kenji.sato', 'group/default/partner-globex', 200],
    ['user:default/kenji.sato', 'group/default/partner-acme', 404],
    ['user:default/kenji.sato', 'component/default/billing', 404],
  ])('%s gets %s: %d', async (user, entity, status) => {
    const response = await get(`/api/catalog/entities/by-name/${entity}`, user);
    expect(response.status).toBe(status);
  });

  it('shows partners the users and groups of their own org only', async () => {
    const response = await get(
      '/api/catalog/entities?filter=kind=user&filter=kind=group&fields=kind,metadata.name',
      'user:default/maria.lopez',
    );
    const refs = (
      response.body as Array<{ kind: string; metadata: { name: string } }>
    )
      .map(e => `${e.kind}:${e.metadata.name}`)
      .sort();
    expect(refs).toEqual(['Group:partner-acme', 'User:maria.lopez']);
  });

  it('denies partners catalog writes', async () => {
    const response = await request(server)
      .post('/api/catalog/locations')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/maria.lopez'),
      )
      .send({ type: 'url', target: 'https://example.com/x.yaml' });
    expect(response.status).toBe(403);
  });
});
