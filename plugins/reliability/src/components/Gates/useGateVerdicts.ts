import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityName,
  KeptGateVerdict,
} from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';

export type GateVerdictPages = {
  items: KeptGateVerdict[];
  nextCursor?: string;
  /** The first page has not arrived yet. */
  loading: boolean;
  /** A further page is on its way. */
  loadingMore: boolean;
  error?: Error;
  /** Why the last further page failed; the pages already read stay. */
  moreError?: Error;
  loadMore: () => void;
};

/**
 * The kept gate verdicts of an entity, newest first, a page at a time with
 * the cursor the backend hands out.
 */
export function useGateVerdicts(
  entity: EntityName,
  pageSize: number,
): GateVerdictPages {
  const api = useApi(reliabilityApiRef);
  const [items, setItems] = useState<KeptGateVerdict[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();
  const [moreError, setMoreError] = useState<Error>();
  // Answers for an entity the card no longer shows are dropped
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setItems([]);
    setNextCursor(undefined);
    setLoading(true);
    setError(undefined);
    setMoreError(undefined);
    api.listGateVerdicts(entity, { limit: pageSize }).then(
      page => {
        if (current !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (e: Error) => {
        if (current !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [api, entity, pageSize]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    api.listGateVerdicts(entity, { cursor: nextCursor, limit: pageSize }).then(
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
  }, [api, entity, nextCursor, loadingMore, pageSize]);

  return {
    items,
    nextCursor,
    loading,
    loadingMore,
    error,
    moreError,
    loadMore,
  };
}
