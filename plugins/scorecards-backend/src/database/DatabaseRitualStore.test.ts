import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { DatabaseRitualStore } from './DatabaseRitualStore';

const databases = createStoreTestDatabases();

const FINANCE = 'group:default/team-finance';
const INTAKE = 'group:default/team-intake';

const ritual = (
  day: string,
  extra: { note?: string; heldBy?: string } = {},
) => ({
  groupRef: FINANCE,
  day,
  heldAt: `${day}T10:00:00.000Z`,
  heldBy: extra.heldBy ?? 'user:default/guest',
  ...(extra.note && { note: extra.note }),
});

describe.each(databases.eachSupportedId())(
  'DatabaseRitualStore on %s',
  databaseId => {
    let store: DatabaseRitualStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseRitualStore.create({
        database: databaseServiceFor(knex),
      });
      await knex('scorecards_rituals').delete();
    });

    it('keeps one ritual per group and day: marking it again answers the first', async () => {
      const first = await store.recordRitual(
        ritual('2026-12-08', { note: 'ledger slipped' }),
      );
      expect(first.created).toBe(true);
      expect(first.ritual).toMatchObject({
        groupRef: FINANCE,
        day: '2026-12-08',
        heldAt: '2026-12-08T10:00:00.000Z',
        note: 'ledger slipped',
        heldBy: 'user:default/guest',
      });
      const again = await store.recordRitual(
        ritual('2026-12-08', { heldBy: 'user:default/priya.raman' }),
      );
      expect(again).toEqual({ created: false, ritual: first.ritual });
      // marked at once by two people: one record
      const both = await Promise.all([
        store.recordRitual(ritual('2026-12-15')),
        store.recordRitual(ritual('2026-12-15')),
      ]);
      expect(both.filter(b => b.created)).toHaveLength(1);
      expect(both[0].ritual.id).toBe(both[1].ritual.id);
      // another team's day is its own
      expect(
        (
          await store.recordRitual({
            ...ritual('2026-12-08'),
            groupRef: INTAKE,
          })
        ).created,
      ).toBe(true);
    });

    it("lists a group's rituals most recent first, a page at a time, and finds the last", async () => {
      for (const day of ['2026-11-24', '2026-12-08', '2026-12-01']) {
        await store.recordRitual(ritual(day));
      }
      await store.recordRitual({ ...ritual('2026-12-09'), groupRef: INTAKE });
      const first = await store.listRituals(FINANCE, { limit: 2 });
      expect(first.items.map(r => r.day)).toEqual(['2026-12-08', '2026-12-01']);
      expect(first.items[0]).not.toHaveProperty('note');
      const second = await store.listRituals(FINANCE, {
        cursor: first.nextCursor,
        limit: 2,
      });
      expect(second.items.map(r => r.day)).toEqual(['2026-11-24']);
      expect(second.nextCursor).toBeUndefined();
      expect((await store.lastRitual(FINANCE))?.day).toBe('2026-12-08');
      expect(await store.lastRitual('group:default/nobody')).toBeUndefined();
      await expect(store.listRituals(FINANCE, { limit: 0 })).rejects.toThrow(
        /^limit: /,
      );
    });
  },
);
