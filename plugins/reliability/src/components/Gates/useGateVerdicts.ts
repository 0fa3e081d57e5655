import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityName,
  KeptGateVerdict,
} from '@readiness/plugin-reliability-common';
import { CursorPages, useCursorPages } from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';

export type GateVerdictPages = CursorPages<KeptGateVerdict>;

/**
 * The kept gate verdicts of an entity, newest first, a page at a time with
 * the cursor the backend hands out.
 */
export function useGateVerdicts(
  entity: EntityName,
  pageSize: number,
): GateVerdictPages {
  const api = useApi(reliabilityApiRef);
  return useCursorPages(
    useCallback(
      (request: { cursor?: string }) =>
        api.listGateVerdicts(entity, { ...request, limit: pageSize }),
      [api, entity, pageSize],
    ),
  );
}
