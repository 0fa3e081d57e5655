/**
 * One page of a list. Every list of the portal's plugins pages this way: pass
 * `nextCursor` back as `cursor` until it is absent.
 *
 * @public
 */
export type Page<T> = { items: T[]; nextCursor?: string };

/**
 * Which page of a list to read, and how long it may be.
 *
 * @public
 */
export type PageQuery = { cursor?: string; limit?: number };
