import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  callers,
  openapi,
  sampleApis,
  startPortal,
} from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Each test starts a backend and collects (worker threads parse and lint)
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'the api-portal on %s',
  databaseId => {
    async function start(entities = sampleApis()) {
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities,
      });
      await portal.collect();
      return { ...portal, entities };
    }

    it('collects the APIs into families with versions, lint totals and breaking changes', async () => {
      const { get } = await start();
      const families = await get('/v1/families');
      expect(families.status).toBe(200);
      expect(families.body.items).toEqual([
        expect.objectContaining({
          name: 'ledger-api',
          latestVersion: '2.0.0',
          latestEntityRef: 'api:default/ledger-api-v2',
          versionsCount: 2,
          entityRefs: [
            'api:default/ledger-api-v1',
            'api:default/ledger-api-v2',
          ],
          partnerFacing: true,
          lint: expect.objectContaining({ status: 'ok', errors: 0 }),
          breakingChangesLast30Days: 1,
        }),
        expect.objectContaining({
          name: 'ocr-api',
          latestVersion: '0.3.0',
          versionsCount: 1,
          partnerFacing: false,
          breakingChangesLast30Days: 0,
        }),
      ]);

      const family = await get('/v1/families/ledger-api');
      expect(family.status).toBe(200);
      expect(
        family.body.versions.map((v: any) => [
          v.version,
          v.entityRef,
          v.latest,
          v.current,
        ]),
      ).toEqual([
        ['2.0.0', 'api:default/ledger-api-v2', true, true],
        ['1.0.0', 'api:default/ledger-api-v1', false, true],
      ]);
      expect(family.body.versions[0].revision).toMatchObject({
        format: 'openapi',
        specVersion: '3.0.3',
        status: 'ok',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect((await get('/v1/families/nope')).status).toBe(404);
    });

    it('pages families and keeps one revision per definition across passes', async () => {
      const { get, collect } = await start();
      const first = await get('/v1/families?limit=1');
      expect(first.body.items.map((f: any) => f.name)).toEqual(['ledger-api']);
      const second = await get(
        `/v1/families?limit=1&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items.map((f: any) => f.name)).toEqual(['ocr-api']);
      expect(second.body.nextCursor).toBeUndefined();
      expect((await get('/v1/families?cursor=bogus')).status).toBe(400);
      expect((await get('/v1/families?limit=0')).status).toBe(400);

      await collect();
      const revisions = await get(
        '/v1/entities/api/default/ledger-api-v2/revisions',
      );
      expect(revisions.status).toBe(200);
      expect(revisions.body.items).toHaveLength(1);
    });

    it('forgets APIs that left the catalog and keeps their history', async () => {
      const { get, collect, entities } = await start();
      // ledger-api-v1 is no longer an API of the catalog (the test catalog
      // keeps its own copy of the list, so the entity changes kind instead)
      entities[0].kind = 'Component';
      await collect();
      const family = await get('/v1/families/ledger-api');
      expect(family.body.versions.map((v: any) => v.entityRef)).toEqual([
        'api:default/ledger-api-v2',
      ]);
      const families = await get('/v1/families');
      expect(families.body.items[0]).toMatchObject({
        name: 'ledger-api',
        entityRefs: ['api:default/ledger-api-v2'],
        latestVersion: '2.0.0',
      });
      // Its revisions and the changelog entry it took part in stay
      const changelog = await get('/v1/families/ledger-api/changelog');
      expect(changelog.body.items.map((e: any) => e.fromVersion)).toEqual([
        '1.0.0',
      ]);
    });

    it('keeps a pass and a refresh that run at once apart', async () => {
      const { get, post, collect, entities } = await start();
      for (const [i, version] of ['1.1.0', '2.1.0'].entries()) {
        (entities[i].spec as { definition: string }).definition = openapi(
          version,
          ['/accounts', `/v${version}`],
        );
      }
      const [refreshed] = await Promise.all([
        post('/v1/entities/api/default/ledger-api-v1/refresh'),
        collect(),
      ]);
      expect(refreshed.status).toBe(200);
      const changelog = await get('/v1/families/ledger-api/changelog');
      const entries = changelog.body.items.filter(
        (e: any) => e.kind === 'revision',
      );
      expect(entries.map((e: any) => e.toVersion).sort()).toEqual([
        '1.1.0',
        '2.1.0',
      ]);
      // Every comparison read both texts: none was recorded as failed
      for (const entry of entries)
        expect(entry.changes.length).toBeGreaterThan(0);
    });

    it('records a changed definition as a new revision with its changelog entry', async () => {
      const { get, collect, entities } = await start();
      (entities[1].spec as { definition: string }).definition = openapi(
        '2.1.0',
        ['/journal-entries', '/balances'],
      );
      await collect();
      const revisions = await get(
        '/v1/entities/api/default/ledger-api-v2/revisions',
      );
      expect(revisions.body.items.map((r: any) => r.version)).toEqual([
        '2.1.0',
        '2.0.0',
      ]);
      const changelog = await get('/v1/families/ledger-api/changelog');
      expect(changelog.status).toBe(200);
      expect(
        changelog.body.items.map((e: any) => [
          e.kind,
          e.fromVersion,
          e.toVersion,
          e.breaking,
        ]),
      ).toEqual([
        ['revision', '2.0.0', '2.1.0', true],
        ['version', '1.0.0', '2.0.0', true],
      ]);
      expect(changelog.body.items[0].summary).toMatch(/breaking change/);
      expect(changelog.body.items[0].changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ ruleId: 'path-removed', breaking: true }),
          expect.objectContaining({ ruleId: 'path-added', breaking: false }),
        ]),
      );
      const breaking = await get('/v1/changelog?breaking=true&limit=1');
      expect(breaking.body.items).toHaveLength(1);
      const rest = await get(
        `/v1/changelog?breaking=true&limit=1&cursor=${breaking.body.nextCursor}`,
      );
      expect(rest.body.items[0].id).not.toBe(breaking.body.items[0].id);

      // Changing back makes the earlier revision current again, nothing new
      (entities[1].spec as { definition: string }).definition = openapi(
        '2.0.0',
        ['/accounts', '/journal-entries'],
      );
      await collect();
      const after = await get(
        '/v1/entities/api/default/ledger-api-v2/revisions',
      );
      expect(after.body.items).toHaveLength(2);
      const family = await get('/v1/families/ledger-api');
      expect(family.body.latestVersion).toBe('2.0.0');
    });

    it('serves lint problems with rule, place and documentation', async () => {
      const { get, collect, entities } = await start();
      (entities[2].spec as { definition: string }).definition = [
        'openapi: 3.0.3',
        'info: {title: OCR, version: 0.4.0}',
        'paths:',
        '  /documents/:',
        '    get:',
        '      responses:',
        "        '200': {description: ok}",
        '',
      ].join('\n');
      await collect();
      const [current] = (
        await get('/v1/entities/api/default/ocr-api/revisions')
      ).body.items;
      const lint = await get(`/v1/revisions/${current.id}/lint`);
      expect(lint.status).toBe(200);
      expect(lint.body).toMatchObject({
        status: 'ok',
        entityRef: 'api:default/ocr-api',
        totals: { errors: 5, warnings: 2 },
      });
      expect(lint.body.problems).toEqual(
        expect.arrayContaining([
          {
            ruleId: 'no-path-trailing-slash',
            severity: 'error',
            message: expect.stringContaining('/documents/'),
            pointer: '#/paths/~1documents~1',
            line: 4,
            column: 3,
            documentationUrl:
              'https://redocly.com/docs/cli/rules/oas/no-path-trailing-slash',
          },
        ]),
      );
      expect(lint.body.rules[0]).toMatchObject({ severity: 'error', count: 1 });
      expect(
        (await get('/v1/revisions/00000000-0000-4000-8000-000000000000/lint'))
          .status,
      ).toBe(404);
      expect((await get('/v1/revisions/not-a-uuid/lint')).status).toBe(400);
    });

    it('shows partners only partner-facing families, never internal lint, and refuses anonymous callers', async () => {
      const { get } = await start();
      const partnerFamilies = await get('/v1/families', callers.partner);
      expect(partnerFamilies.status).toBe(200);
      expect(partnerFamilies.body.items.map((f: any) => f.name)).toEqual([
        'ledger-api',
      ]);
      expect(partnerFamilies.body.items[0].lint).toBeDefined();
      const serviceFamilies = await get('/v1/families', callers.service);
      expect(serviceFamilies.body.items).toHaveLength(2);

      const ocr = (await get('/v1/entities/api/default/ocr-api/revisions')).body
        .items[0];
      const ledger = (
        await get('/v1/entities/api/default/ledger-api-v2/revisions')
      ).body.items[0];

      const expectations: Array<[string, string, number]> = [
        ['/v1/families/ocr-api', callers.partner, 404],
        ['/v1/families/ledger-api', callers.partner, 200],
        ['/v1/families/ocr-api/changelog', callers.partner, 404],
        ['/v1/families/ledger-api/changelog', callers.partner, 200],
        ['/v1/entities/api/default/ocr-api/revisions', callers.partner, 404],
        [
          '/v1/entities/api/default/ledger-api-v2/revisions',
          callers.partner,
          200,
        ],
        [`/v1/revisions/${ocr.id}`, callers.partner, 404],
        [`/v1/revisions/${ledger.id}`, callers.partner, 200],
        [`/v1/revisions/${ocr.id}/lint`, callers.partner, 404],
        [`/v1/revisions/${ledger.id}/lint`, callers.partner, 200],
        ['/v1/feeds/families/ocr-api.rss', callers.partner, 404],
        ['/v1/feeds/families/ledger-api.atom', callers.partner, 200],
        [`/v1/revisions/${ocr.id}/lint`, callers.internal, 200],
        [`/v1/revisions/${ocr.id}/lint`, callers.service, 200],
        ['/v1/families/ocr-api', callers.service, 200],
        ['/v1/entities/api/default/nope/revisions', callers.internal, 404],
      ];
      for (const path of [
        '/v1/families',
        '/v1/families/ledger-api',
        '/v1/families/ledger-api/changelog',
        '/v1/changelog',
        '/v1/entities/api/default/ledger-api-v2/revisions',
        `/v1/revisions/${ledger.id}`,
        `/v1/revisions/${ledger.id}/lint`,
        '/v1/feeds/all.rss',
        '/v1/feeds/all.atom',
        '/v1/feeds/families/ledger-api.rss',
        '/v1/feeds/families/ledger-api.atom',
      ]) {
        expectations.push([path, callers.anonymous, 401]);
      }
      for (const [path, caller, status] of expectations) {
        const response = await get(path, caller);
        expect({ path, status: response.status }).toEqual({ path, status });
      }
    });

    it('filters the changelog and the feeds of all families for partners', async () => {
      const { get, collect, entities } = await start();
      (entities[2].spec as { definition: string }).definition = openapi(
        '0.4.0',
        ['/pages'],
      );
      await collect();
      const internal = await get('/v1/changelog');
      expect(new Set(internal.body.items.map((e: any) => e.family))).toEqual(
        new Set(['ledger-api', 'ocr-api']),
      );
      const partner = await get('/v1/changelog', callers.partner);
      expect(partner.body.items.map((e: any) => e.family)).toEqual([
        'ledger-api',
      ]);

      const rss = await get('/v1/feeds/all.rss', callers.partner);
      expect(rss.status).toBe(200);
      expect(rss.headers['content-type']).toMatch(/^application\/rss\+xml/);
      expect(rss.text).toContain('<rss version="2.0"');
      expect(rss.text).toContain('ledger-api 1.0.0 → 2.0.0 (breaking)');
      expect(rss.text).not.toContain('ocr-api');
      const atom = await get('/v1/feeds/all.atom');
      expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
      expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      expect(atom.text).toContain('ocr-api 0.3.0 → 0.4.0 (breaking)');
      expect(atom.text).toContain(
        'http://portal.test/catalog/default/api/ocr-api',
      );
      const family = await get('/v1/feeds/families/ledger-api.rss');
      expect(family.text).toContain('/v1/feeds/families/ledger-api.rss');
      expect(family.text).not.toContain('ocr-api');
      expect((await get('/v1/feeds/families/nope.atom')).status).toBe(404);
    });

    it('refreshes one entity on demand for internal users and services only', async () => {
      const { post, get, entities } = await start();
      (entities[0].spec as { definition: string }).definition = openapi(
        '1.1.0',
        ['/accounts'],
      );
      const refreshed = await post(
        '/v1/entities/api/default/ledger-api-v1/refresh',
      );
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toMatchObject({
        changed: true,
        revision: { version: '1.1.0', status: 'ok' },
      });
      const lint = await get(
        `/v1/revisions/${refreshed.body.revision.id}/lint`,
      );
      expect(lint.body.status).toBe('ok');
      const again = await post(
        '/v1/entities/api/default/ledger-api-v1/refresh',
        callers.service,
      );
      expect(again.body).toMatchObject({
        changed: false,
        revision: { id: refreshed.body.revision.id },
      });
      for (const [caller, status] of [
        [callers.partner, 403],
        [callers.anonymous, 401],
      ] as const) {
        expect(
          (await post('/v1/entities/api/default/ledger-api-v1/refresh', caller))
            .status,
        ).toBe(status);
      }
      expect(
        (await post('/v1/entities/api/default/missing/refresh')).status,
      ).toBe(404);
      expect(
        (await post('/v1/entities/component/default/ledger/refresh')).status,
      ).toBe(404);
    });
  },
);
