import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { apiEntity, openapi, startPortal } from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Each test runs whole collection passes over 40 entities on a real database
jest.setTimeout(60_000);

// How much faster an unchanged pass is on 1,000 entities is measured by
// `yarn bench:api-portal`; these tests prove what makes it cheap.
describe.each(databases.eachSupportedId())(
  'a pass with nothing changed on %s',
  databaseId => {
    function catalog(etags: boolean) {
      return Array.from({ length: 40 }, (_, i) =>
        apiEntity(
          `api-${String(i).padStart(2, '0')}`,
          openapi(`1.${i % 4}.0`, ['/a', `/b${i % 4}`]),
          {
            family: `family-${i % 10}`,
            ...(etags && { etag: `etag-${i}-1` }),
          },
        ),
      );
    }

    async function start(options: { etags: boolean; fullPassEvery?: object }) {
      const entities = catalog(options.etags);
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities,
        config: {
          collection: {
            pageSize: 25,
            ...(options.fullPassEvery && {
              fullPassEvery: options.fullPassEvery,
            }),
          },
        },
      });
      await portal.collect();
      return { ...portal, entities };
    }

    const changelogLength = async (get: (path: string) => any) =>
      (await get('/v1/changelog?limit=100')).body.items.length;
    const revisionsOf = async (get: (path: string) => any, name: string) =>
      (await get(`/v1/entities/api/default/${name}/revisions`)).body.items;

    it('reads no definition of an entity whose catalog etag is unchanged', async () => {
      const { collect, get, entities } = await start({ etags: true });
      const before = await changelogLength(get);

      // The text changes but the etag does not: the definition is not read
      (entities[7].spec as { definition: string }).definition = openapi(
        '1.3.1',
        ['/a', '/c'],
      );
      await collect();
      expect(await revisionsOf(get, 'api-07')).toHaveLength(1);
      expect(await changelogLength(get)).toBe(before);

      // As the catalog does, a changed entity gets a new etag: it is read
      entities[7].metadata.etag = 'etag-7-2';
      await collect();
      const revisions = await revisionsOf(get, 'api-07');
      expect(revisions.map((r: { version: string }) => r.version)).toEqual([
        '1.3.1',
        '1.3.0',
      ]);
      expect(await changelogLength(get)).toBeGreaterThan(before);
    });

    it('reads every definition again in a full pass', async () => {
      // A full pass every time: etags are not trusted
      const { collect, get, entities } = await start({
        etags: true,
        fullPassEvery: { milliseconds: 0 },
      });
      (entities[7].spec as { definition: string }).definition = openapi(
        '1.3.1',
        ['/a', '/c'],
      );
      await collect();
      expect(await revisionsOf(get, 'api-07')).toHaveLength(2);
    });

    it('without etags, compares content hashes and writes nothing when they match', async () => {
      const { collect, get } = await start({ etags: false });
      const before = await changelogLength(get);
      await collect();
      expect(await changelogLength(get)).toBe(before);
      expect(await revisionsOf(get, 'api-07')).toHaveLength(1);
    });
  },
);
