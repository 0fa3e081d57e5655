/*
 * The real catalog with the sample catalog and the audience policy: partners
 * get the partner view of the entities they may read, internal users the
 * entities as they are.
 */
import path from 'node:path';
import request from 'supertest';
import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  audiencePermissionsServiceFactory,
  SAMPLE_CALLERS,
  sampleUserInfoServiceFactory,
} from '@readiness/backend-test-utils';
import localFilesModule from '@readiness/plugin-catalog-backend-module-local-files';
import partnerViewModule from './module';

const root = path.resolve(__dirname, '../../..');
// Internal names the sample ledger component and its API refer to
const HIDDEN = ['team-finance', 'filing-platform', 'filing-db', 'event-bus'];

describe('the partner view of the catalog', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        localFilesModule,
        partnerViewModule,
        audiencePermissionsServiceFactory(),
        sampleUserInfoServiceFactory(),
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
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await request(server)
        .get('/api/catalog/entities/by-name/component/default/ledger')
        .set('Authorization', SAMPLE_CALLERS.internal);
      if (response.status === 200 && response.body.relations?.length > 3) {
        break;
      }
      if (Date.now() > deadline) throw new Error('catalog not ingested');
      await new Promise(r => setTimeout(r, 500));
    }
  }, 90_000);

  const get = (url: string, caller: string) =>
    request(server).get(url).set('Authorization', caller);

  it('leaves entities unchanged for internal users', async () => {
    const response = await get(
      '/api/catalog/entities/by-name/component/default/ledger',
      SAMPLE_CALLERS.internal,
    );
    expect(response.body.spec.owner).toBe('team-finance');
    expect(
      response.body.metadata.annotations['backstage.io/managed-by-location'],
    ).toMatch(/^file:/);
  });

  it.each([
    '/api/catalog/entities/by-name/component/default/ledger',
    '/api/catalog/entities?filter=metadata.name=ledger',
    '/api/catalog/entities/by-query?filter=metadata.name=ledger',
    '/api/catalog/entities/by-name/api/default/ledger-api-v2',
    '/api/catalog/entity-facets?facet=spec.owner&facet=relations.ownedBy&facet=spec.system',
  ])('shows partners no internal names in %s', async url => {
    const response = await get(url, SAMPLE_CALLERS.partner);
    expect(response.status).toBe(200);
    for (const name of HIDDEN) {
      expect(response.text).not.toContain(name);
    }
    expect(response.text).not.toContain('managed-by-location');
    expect(response.text).not.toContain(root);
  });

  it('keeps what the marked entity publishes and references partners can follow', async () => {
    const response = await get(
      '/api/catalog/entities/by-name/component/default/ledger',
      SAMPLE_CALLERS.partner,
    );
    const entity = response.body;
    expect(entity.metadata.description).toMatch(/ledger/i);
    expect(entity.metadata.annotations['readiness.dev/audience']).toBe(
      'partner',
    );
    expect(entity.spec).toMatchObject({
      type: 'service',
      lifecycle: 'production',
      providesApis: ['ledger-api-v1', 'ledger-api-v2'],
    });
    expect(entity.spec.owner).toBeUndefined();
    expect(entity.status).toBeUndefined();
    expect(
      entity.relations.map((r: { targetRef: string }) => r.targetRef).sort(),
    ).toEqual([
      'api:default/filings-api-v2',
      'api:default/ledger-api-v1',
      'api:default/ledger-api-v2',
    ]);
  });

  it('views entities fetched in a batch and in pages', async () => {
    const byRefs = await request(server)
      .post('/api/catalog/entities/by-refs')
      .set('Authorization', SAMPLE_CALLERS.partner)
      .send({
        entityRefs: ['component:default/ledger', 'component:default/ocr'],
      });
    expect(byRefs.status).toBe(200);
    expect(byRefs.body.items[1]).toBeNull();
    expect(byRefs.body.items[0].spec.owner).toBeUndefined();
    const page = await request(server)
      .post('/api/catalog/entities/by-query')
      .set('Authorization', SAMPLE_CALLERS.partner)
      .send({ query: { kind: 'component' } });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBe(4);
    for (const name of HIDDEN) {
      expect(page.text).not.toContain(name);
    }
  });

  it.each([
    '/api/catalog/entities?filter=spec.owner=team-finance',
    '/api/catalog/entities?filter=relations.ownedBy=group:default/team-finance',
    '/api/catalog/entities/by-query?filter=metadata.annotations.backstage.io/managed-by-location=x',
    '/api/catalog/entities/by-query?orderField=spec.owner,asc',
  ])('refuses partners the query %s', async url => {
    const response = await get(url, SAMPLE_CALLERS.partner);
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('ledger');
  });

  it('lets partners filter by their own group', async () => {
    const response = await get(
      '/api/catalog/entities?filter=relations.hasMember=user:default/maria.lopez',
      SAMPLE_CALLERS.partner,
    );
    expect(response.status).toBe(200);
    expect(
      response.body.map((e: { metadata: { name: string } }) => e.metadata.name),
    ).toEqual(['partner-acme']);
  });
});
