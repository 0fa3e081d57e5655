import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { Knex } from 'knex';
import { keysetPage } from './pagination';

const databases = createStoreTestDatabases();

interface Row {
  id: string;
  at: Date | string;
  owner: string;
}

interface Item {
  id: string;
  at: string;
}

describe.each(databases.eachSupportedId())('keysetPage on %s', databaseId => {
  let db: Knex;

  beforeAll(async () => {
    db = await databases.init(databaseId);
    await db.schema.createTable('things', table => {
      table.string('id').primary();
      table.timestamp('at', { useTz: true }).notNullable();
      table.string('owner').notNullable();
    });
    await db.schema.createTable('owners', table => {
      table.string('id').primary();
      table.string('name').notNullable();
    });
    await db('owners').insert([{ id: 'o1', name: 'ledger team' }]);
    // 7 rows; t3, t4 and t5 share one time, so the id orders them
    const times = [1, 2, 3, 3, 3, 4, 5];
    await db('things').insert(
      times.map((minute, i) => ({
        id: `t${i}`,
        at: new Date(Date.UTC(2026, 11, 1, 0, minute)),
        owner: 'o1',
      })),
    );
  });

  const toItem = (row: Row): Item => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
  });
  const positionOf = (item: Item) => ({ at: item.at, id: item.id });

  async function readAll(limit: number, joined = false) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const query = joined
        ? db('things as t')
            .join('owners as o', 'o.id', 't.owner')
            .select('t.id', 't.at', 't.owner')
        : db('things').select('id', 'at', 'owner');
      const page = await keysetPage(query, {
        timeColumn: joined ? 't.at' : 'at',
        ...(joined && { idColumn: 't.id' }),
        cursor,
        limit,
        toItem,
        positionOf,
      });
      pages.push(page.items.map(item => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  it('walks newest first, ties by id, every item once, no cursor after the last page', async () => {
    expect(await readAll(2)).toEqual([
      ['t6', 't5'],
      ['t4', 't3'],
      ['t2', 't1'],
      ['t0'],
    ]);
    expect(await readAll(7)).toEqual([
      ['t6', 't5', 't4', 't3', 't2', 't1', 't0'],
    ]);
  });

  it('pages a joined query by its qualified columns', async () => {
    expect(await readAll(3, true)).toEqual([
      ['t6', 't5', 't4'],
      ['t3', 't2', 't1'],
      ['t0'],
    ]);
  });

  it('refuses a bad limit or a cursor it did not give, naming which', async () => {
    const options = { timeColumn: 'at', toItem, positionOf };
    await expect(
      keysetPage(db('things'), { ...options, limit: 0 }),
    ).rejects.toThrow(/^limit: /);
    await expect(
      keysetPage(db('things'), { ...options, cursor: 'not-ours' }),
    ).rejects.toThrow(/^cursor: /);
  });
});
