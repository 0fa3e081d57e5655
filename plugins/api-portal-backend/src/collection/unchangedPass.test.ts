import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { apiEntity, openapi, startPortal } from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'a pass with nothing changed on %s',
  databaseId => {
    it('is at least 50 times faster than the first and writes nothing', async () => {
      const entities = Array.from({ length: 40 }, (_, i) =>
        apiEntity(
          `api-${String(i).padStart(2, '0')}`,
          openapi(`1.${i % 4}.0`, ['/a', `/b${i % 4}`]),
          { family: `family-${i % 10}` },
        ),
      );
      const { collect, get } = await startPortal({
        knex: await databases.init(databaseId),
        entities,
        config: { collection: { pageSize: 25 } },
      });
      const timed = async () => {
        const started = process.hrtime.bigint();
        await collect();
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const first = await timed();
      const before = (await get('/v1/changelog?limit=100')).body.items.length;
      const second = await timed();
      // eslint-disable-next-line no-console
      console.log(
        `${databaseId}: first pass ${first.toFixed(
          0,
        )} ms, unchanged pass ${second.toFixed(1)} ms (${(
          first / second
        ).toFixed(0)}x)`,
      );
      expect(first / second).toBeGreaterThanOrEqual(50);
      expect((await get('/v1/changelog?limit=100')).body.items).toHaveLength(
        before,
      );
      const revisions = await get('/v1/entities/api/default/api-07/revisions');
      expect(revisions.body.items).toHaveLength(1);
    }, 60_000);
  },
);
