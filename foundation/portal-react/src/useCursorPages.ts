import { useCallback, useEffect, useRef, useState } from 'react';
import { Page } from '@readiness/client-utils';

/**
 * A list read a page at a time with the cursor the backend hands out.
 *
 * @public
 */
export type CursorPages<T> = {
  items: T[];
  nextCursor?: string;
  /** The first page has not arrived yet. */
  loading: boolean;
  /** A further page is on its way. */
  loadingMore: boolean;
  error?: Error;
  /** Why the last further page failed; the pages already read stay. */
  moreError?: Error;
  loadMore: () => void;
  /** Reads the list again from its first page (after a write, say). */
  reload: () => void;
};

/**
 * Reads a list a page at a time: the first page whenever `readPage` changes
 * (wrap it in `useCallback` over what it reads) or `reload` is called, and
 * the next page on `loadMore`. While the first page is read again the items
 * already read stay; a failed first read empties the list.
 *
 * @public
 */
export function useCursorPages<T>(
  readPage: (request: { cursor?: string }) => Promise<Page<T>>,
): CursorPages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();
  const [moreError, setMoreError] = useState<Error>();
  const [reads, setReads] = useState(0);
  // Answers for a list (or a read) the page no longer shows are dropped
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(undefined);
    setMoreError(undefined);
    readPage({}).then(
      page => {
        if (current !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (e: Error) => {
        if (current !== generation.current) return;
        setItems([]);
        setNextCursor(undefined);
        setError(e);
        setLoading(false);
      },
    );
  }, [readPage, reads]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    readPage({ cursor: nextCursor }).then(
      page => {
        if (current !== generation.current) return;
        setItems(previous => [...previous, ...page.items]);
        setNextCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (e: Error) => {
        if (current !== generation.current) return;
        setMoreError(e);
        setLoadingMore(false);
      },
    );
  }, [readPage, nextCursor, loadingMore]);

  const reload = useCallback(() => setReads(n => n + 1), []);

  return {
    items,
    nextCursor,
    loading,
    loadingMore,
    error,
    moreError,
    loadMore,
    reload,
  };
}
