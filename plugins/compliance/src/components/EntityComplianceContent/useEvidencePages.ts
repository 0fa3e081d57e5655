import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EvidenceItem,
  PortalEntityName,
} from '@readiness/plugin-compliance-common';
import { CursorPages, useCursorPages } from '@readiness/portal-react';
import { complianceApiRef } from '../../api';

export type EvidencePages = CursorPages<EvidenceItem>;

/**
 * The evidence of an entity, newest collected first, a page at a time with
 * the cursor the backend hands out; `reload` after a filing or a withdrawal.
 */
export function useEvidencePages(
  entity: PortalEntityName,
  pageSize: number,
): EvidencePages {
  const api = useApi(complianceApiRef);
  return useCursorPages(
    useCallback(
      (request: { cursor?: string }) =>
        api.listEntityEvidence(entity, { ...request, limit: pageSize }),
      [api, entity, pageSize],
    ),
  );
}
