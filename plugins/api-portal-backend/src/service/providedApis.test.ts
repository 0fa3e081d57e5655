import { Entity } from '@backstage/catalog-model';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  apiEntity,
  callers,
  sampleApis,
  startPortal,
} from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Each test starts a backend and collects (worker threads parse and lint)
jest.setTimeout(60_000);

function component(name: string, provides: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    // Partner-facing: partners see the component, not its internal APIs
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'readiness.dev/audience': 'partner' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-finance' },
    // The catalog computes relations; its test double takes them as given
    relations: provides.map(targetRef => ({ type: 'providesApi', targetRef })),
  };
}

function catalog(): Entity[] {
  return [
    ...sampleApis(),
    apiEntity('broken-api', 'openapi: [3.0.3\n', { family: 'broken-api' }),
    component('ledger', [
      'api:default/ledger-api-v2',
      'api:default/ledger-api-v1',
      'api:default/ocr-api',
      'api:default/broken-api',
      'api:default/not-collected-api-v3',
    ]),
    component('lonely', []),
  ];
}

describe.each(databases.eachSupportedId())(
  'provided APIs on %s',
  databaseId => {
    async function start() {
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities: catalog(),
      });
      await portal.collect();
      return portal;
    }

    it('summarises every provided API for internal callers', async () => {
      const { get } = await start();
      const res = await get(
        '/v1/entities/component/default/ledger/provided-apis',
      );
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/ledger');
      expect(res.body.hidden).toBe(0);
      const byRef = Object.fromEntries(
        res.body.apis.map((api: any) => [api.entityRef, api]),
      );
      expect(Object.keys(byRef)).toEqual([
        'api:default/broken-api',
        'api:default/ledger-api-v1',
        'api:default/ledger-api-v2',
        'api:default/not-collected-api-v3',
        'api:default/ocr-api',
      ]);
      expect(byRef['api:default/ledger-api-v1']).toEqual({
        entityRef: 'api:default/ledger-api-v1',
        title: 'Ledger',
        family: 'ledger-api',
        version: '1.0.0',
        latestVersion: '2.0.0',
        latest: false,
        revisionStatus: 'ok',
        // `{id}` is not declared as a path parameter
        lint: expect.objectContaining({ status: 'ok', errors: 1 }),
        breakingChangesLast30Days: 1,
      });
      expect(byRef['api:default/ledger-api-v2']).toMatchObject({
        version: '2.0.0',
        latest: true,
        breakingChangesLast30Days: 1,
      });
      expect(byRef['api:default/ocr-api']).toMatchObject({
        family: 'ocr-api',
        latest: true,
        breakingChangesLast30Days: 0,
      });
      expect(byRef['api:default/broken-api']).toMatchObject({
        revisionStatus: 'invalid-yaml',
        revisionStatusMessage: expect.any(String),
        latest: false,
      });
      expect(byRef['api:default/broken-api'].lint).toBeUndefined();
      // Not collected yet: no revision state, family from the name
      expect(byRef['api:default/not-collected-api-v3']).toEqual({
        entityRef: 'api:default/not-collected-api-v3',
        family: 'not-collected-api',
        latest: false,
        breakingChangesLast30Days: 0,
      });

      const lonely = await get(
        '/v1/entities/component/default/lonely/provided-apis',
      );
      expect(lonely.body).toEqual({
        entityRef: 'component:default/lonely',
        apis: [],
        hidden: 0,
      });
    });

    it('shows partners the partner-facing APIs only, and not how many others there are', async () => {
      const { get } = await start();
      const res = await get(
        '/v1/entities/component/default/ledger/provided-apis',
        callers.partner,
      );
      expect(res.status).toBe(200);
      expect(res.body.apis.map((api: any) => api.entityRef)).toEqual([
        'api:default/ledger-api-v1',
        'api:default/ledger-api-v2',
      ]);
      // The three internal APIs are not even counted for a partner
      expect(res.body.hidden).toBe(0);
      expect(res.body.apis[0]).toMatchObject({
        latestVersion: '2.0.0',
        breakingChangesLast30Days: 1,
      });
    });

    it('answers services, refuses anonymous callers and 404s unknown entities', async () => {
      const { get } = await start();
      const path = '/v1/entities/component/default/ledger/provided-apis';
      const service = await get(path, callers.service);
      expect(service.status).toBe(200);
      expect(service.body.apis).toHaveLength(5);
      expect((await get(path, callers.anonymous)).status).toBe(401);
      const unknown = await get(
        '/v1/entities/component/default/nope/provided-apis',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('component:default/nope');
      expect(
        (
          await get(
            '/v1/entities/component/default/nope/provided-apis',
            callers.partner,
          )
        ).status,
      ).toBe(404);
    });
  },
);
