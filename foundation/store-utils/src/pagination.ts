import { InputError } from '@backstage/errors';
import { Knex } from 'knex';

/**
 * Keyset pagination over (time, id), newest first: a cursor is the position
 * of the last item of the previous page, opaque to clients.
 */
export interface Position {
  at: string;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      !Number.isNaN(Date.parse(at))
    ) {
      return { at, id };
    }
  } catch {
    // reported below
  }
  throw new InputError('cursor: not a cursor this API returned');
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_PAGE_SIZE;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError(
      `limit: expected a whole number from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  return limit;
}

/**
 * Narrows a newest-first query on (timeColumn, id) to the rows after the
 * cursor's position.
 */
export function afterCursor(
  query: Knex.QueryBuilder,
  timeColumn: string,
  cursor: string | undefined,
  idColumn: string = 'id',
): void {
  if (!cursor) {
    return;
  }
  const after = decodeCursor(cursor);
  const at = new Date(after.at);
  query.where(inner =>
    inner
      .where(timeColumn, '<', at)
      .orWhere(same =>
        same.where(timeColumn, '=', at).andWhere(idColumn, '<', after.id),
      ),
  );
}

/** How {@link keysetPage} reads one page of a newest-first list. */
export interface KeysetPageOptions<Row, Item> {
  /** The time the list is ordered by, newest first (qualified when the query joins). */
  timeColumn: string;
  /** The id that orders items of the same time; `id` when not given. */
  idColumn?: string;
  /** The cursor the previous page returned, if any. */
  cursor?: string;
  /** The page size asked for; {@link DEFAULT_PAGE_SIZE} when not given. */
  limit?: number;
  /** A stored row as the item the list answers. */
  toItem: (row: Row) => Item;
  /** Where an item stands in the list: its time and id. */
  positionOf: (item: Item) => Position;
}

/**
 * One page of a newest-first list: orders the (already filtered) query by
 * time and id, starts after the cursor, and reads one row more than the page
 * to know whether a next page exists. A bad limit or cursor is a 400 naming
 * it.
 */
export async function keysetPage<Row, Item>(
  query: Knex.QueryBuilder,
  options: KeysetPageOptions<Row, Item>,
): Promise<{ items: Item[]; nextCursor?: string }> {
  const limit = pageSize(options.limit);
  const idColumn = options.idColumn ?? 'id';
  query
    .orderBy([
      { column: options.timeColumn, order: 'desc' },
      { column: idColumn, order: 'desc' },
    ])
    .limit(limit + 1);
  afterCursor(query, options.timeColumn, options.cursor, idColumn);
  const rows: Row[] = await query;
  const items = rows.slice(0, limit).map(options.toItem);
  const last = items[items.length - 1];
  return {
    items,
    ...(rows.length > limit &&
      last !== undefined && {
        nextCursor: encodeCursor(options.positionOf(last)),
      }),
  };
}
