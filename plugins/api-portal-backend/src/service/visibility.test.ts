import { Entity } from '@backstage/catalog-model';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import request from 'supertest';
import {
  callers,
  sampleApis,
  startPortal,
  TestPortal,
} from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Each test starts a backend and collects (worker threads parse and lint)
jest.setTimeout(60_000);

/** A made-up revision id: well formed, never issued. */
const MADE_UP_REVISION = '00000000-0000-4000-8000-000000000000';

function component(name: string, provides: string[], partner = false) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(partner && {
        annotations: { 'readiness.dev/audience': 'partner' },
      }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-finance' },
    relations: provides.map(targetRef => ({ type: 'providesApi', targetRef })),
  } as Entity;
}

/** The sample APIs with a partner-facing and an internal component. */
function catalog(): Entity[] {
  return [
    ...sampleApis(),
    component('ledger', ['api:default/ledger-api-v2'], true),
    component('ocr', ['api:default/ocr-api']),
  ];
}

type Answer = { status: number; body: unknown };

/**
 * An answer with the name the caller asked for replaced by a placeholder, so
 * two answers can be compared except for the echoed name.
 */
function withoutEcho(response: request.Response, asked: string): Answer {
  const text = JSON.stringify(response.body ?? null);
  return {
    status: response.status,
    body: JSON.parse(text.split(asked).join('<asked>')),
  };
}

/** A route asked once for a hidden thing and once for a made-up one. */
type Probe = {
  what: string;
  method: 'get' | 'post';
  path: (name: string) => string;
  hidden: string;
  madeUp: string;
};

describe.each(databases.eachSupportedId())(
  'what the api-portal tells callers about things they may not see, on %s',
  databaseId => {
    async function start(): Promise<TestPortal & { ocrRevision: string }> {
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities: catalog(),
      });
      await portal.collect();
      const revisions = await portal.get(
        '/v1/entities/api/default/ocr-api/revisions',
      );
      expect(revisions.status).toBe(200);
      return { ...portal, ocrRevision: revisions.body.items[0].id };
    }

    function probes(ocrRevision: string): Probe[] {
      const entity = (suffix: string) => (name: string) =>
        `/v1/entities/api/default/${name}${suffix}`;
      const entityProbe = (
        what: string,
        suffix: string,
        method: Probe['method'] = 'get',
      ): Probe => ({
        what,
        method,
        path: entity(suffix),
        hidden: 'ocr-api',
        madeUp: 'no-such-api',
      });
      const family = (what: string, path: Probe['path']): Probe => ({
        what,
        method: 'get',
        path,
        hidden: 'ocr-api',
        madeUp: 'no-such-api',
      });
      const revision = (what: string, path: Probe['path']): Probe => ({
        what,
        method: 'get',
        path,
        hidden: ocrRevision,
        madeUp: MADE_UP_REVISION,
      });
      return [
        family('family', name => `/v1/families/${name}`),
        family('family changelog', name => `/v1/families/${name}/changelog`),
        family(
          'breaking changelog',
          name => `/v1/families/${name}/changelog?breaking=true`,
        ),
        family('RSS feed', name => `/v1/feeds/families/${name}.rss`),
        family('Atom feed', name => `/v1/feeds/families/${name}.atom`),
        revision('revision', id => `/v1/revisions/${id}`),
        revision('revision lint', id => `/v1/revisions/${id}/lint`),
        entityProbe('revisions', '/revisions'),
        entityProbe('refresh', '/refresh', 'post'),
        entityProbe('SDK list', '/sdks'),
        entityProbe('SDK download', '/sdks/python/download'),
        entityProbe('unknown SDK language', '/sdks/cobol/download'),
        entityProbe('SDK build', '/sdks/typescript/build', 'post'),
        entityProbe('Postman collection', '/postman'),
        {
          what: 'provided APIs',
          method: 'get',
          path: name => `/v1/entities/component/default/${name}/provided-apis`,
          hidden: 'ocr',
          madeUp: 'no-such-component',
        },
      ];
    }

    it('answers partners the same 404 for an internal thing as for a made-up one', async () => {
      const portal = await start();
      // Every probe's answers, compared at once so a failure lists them all
      const answers: Array<{ what: string; hidden: Answer; madeUp: Answer }> =
        [];
      for (const caller of [callers.partner, callers.otherPartner]) {
        for (const probe of probes(portal.ocrRevision)) {
          const hidden = await portal[probe.method](
            probe.path(probe.hidden),
            caller,
          );
          const madeUp = await portal[probe.method](
            probe.path(probe.madeUp),
            caller,
          );
          answers.push({
            what: probe.what,
            hidden: withoutEcho(hidden, probe.hidden),
            madeUp: withoutEcho(madeUp, probe.madeUp),
          });
        }
      }
      expect(answers.map(a => ({ what: a.what, answer: a.hidden }))).toEqual(
        answers.map(a => ({ what: a.what, answer: a.madeUp })),
      );
      expect(answers.map(a => [a.what, a.hidden.status])).toEqual(
        answers.map(a => [a.what, 404]),
      );
      for (const { hidden } of answers) {
        expect(hidden.body).toMatchObject({ error: { name: 'NotFoundError' } });
      }
      // Asked by id, no answer names the entity or family behind it
      expect(
        answers.filter(a => JSON.stringify(a.hidden.body).includes('ocr')),
      ).toEqual([]);
    });

    it('answers anonymous callers 401 for internal and made-up things alike', async () => {
      const portal = await start();
      for (const probe of probes(portal.ocrRevision)) {
        for (const name of [probe.hidden, probe.madeUp]) {
          const response = await portal[probe.method](
            probe.path(name),
            callers.anonymous,
          );
          expect({ what: probe.what, status: response.status }).toEqual({
            what: probe.what,
            status: 401,
          });
        }
      }
    });

    it('refuses with 403 only what a partner can see but may not do', async () => {
      const portal = await start();
      const ledger = '/v1/entities/api/default/ledger-api-v2';
      for (const caller of [callers.partner, callers.otherPartner]) {
        const refresh = await portal.post(`${ledger}/refresh`, caller);
        expect(refresh.status).toBe(403);
        expect(refresh.body.error).toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('api:default/ledger-api-v2'),
        });
        const build = await portal.post(
          `${ledger}/sdks/typescript/build`,
          caller,
        );
        expect(build.status).toBe(403);
        // What they may see stays readable
        for (const path of [
          '/v1/families/ledger-api',
          '/v1/families/ledger-api/changelog',
          '/v1/feeds/families/ledger-api.rss',
          `${ledger}/revisions`,
          '/v1/entities/component/default/ledger/provided-apis',
        ]) {
          const response = await portal.get(path, caller);
          expect({ path, status: response.status }).toEqual({
            path,
            status: 200,
          });
        }
      }
      // Internal users and services still see the internal family
      for (const caller of [callers.internal, callers.service]) {
        expect((await portal.get('/v1/families/ocr-api', caller)).status).toBe(
          200,
        );
        expect(
          (await portal.get(`/v1/revisions/${portal.ocrRevision}`, caller))
            .status,
        ).toBe(200);
      }
    });
  },
);
