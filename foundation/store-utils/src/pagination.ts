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
        same.where(timeColumn, '=', at).andWhere('id', '<', after.id),
      ),
  );
}
