import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EvidenceItem,
  PortalEntityName,
} from '@readiness/plugin-compliance-common';
import { complianceApiRef } from '../../api';

export type EvidencePages = {
  items: EvidenceItem[];
  nextCursor?: string;
  /** The first page has not arrived yet. */
  loading: boolean;
  /** A further page is on its way. */
  loadingMore: boolean;
  error?: Error;
  /** Why the last further page failed; the pages already read stay. */
  moreError?: Error;
  loadMore: () => void;
  /** Reads the list again from its first page, after a filing or a withdrawal. */
  reload: () => void;
};

/**
 * The evidence of an entity, newest collected first, a page at a time with
 * the cursor the backend hands out.
 */
export function useEvidencePages(
  entity: PortalEntityName,
  pageSize: number,
): EvidencePages {
  const api = useApi(complianceApiRef);
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();
  const [moreError, setMoreError] = useState<Error>();
  const [reads, setReads] = useState(0);
  // Answers for an entity (or a read) the tab no longer shows are dropped
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(undefined);
    setMoreError(undefined);
    api.listEntityEvidence(entity, { limit: pageSize }).then(
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
  }, [api, entity, pageSize, reads]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    api
      .listEntityEvidence(entity, { cursor: nextCursor, limit: pageSize })
      .then(
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
