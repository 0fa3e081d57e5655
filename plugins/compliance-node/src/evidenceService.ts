import {
  BackstageCredentials,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  EvidenceItem,
  EvidenceResult,
  PortalEvidenceKind,
} from '@readiness/plugin-compliance-common';

/**
 * An event of another plugin that is evidence: which kind (the portal
 * evidence file maps each kind to its source and controls, so the filer
 * never names controls), for which entity, and what to show.
 *
 * @public
 */
export type PortalEvidence = {
  kind: PortalEvidenceKind;
  entityRef: string;
  title: string;
  description?: string;
  /** An http(s) URL of the record in the portal or the pipeline. */
  link?: string;
  /** ISO 8601: when what it shows was true (the drill's end, the restore's). */
  collectedAt: string;
  /** `satisfied` when not given. */
  result?: EvidenceResult;
  /**
   * Derived from the record it comes from (e.g. the drill's key), so that a
   * record reported twice files one item.
   */
  idempotencyKey: string;
};

/**
 * Files evidence from the records of other plugins: a drill within its
 * targets, a tested restore, a passed gate, a clean API family.
 *
 * @public
 */
export interface ComplianceEvidenceService {
  /**
   * Files one evidence item for the controls the portal evidence file maps
   * the kind to; the same idempotency key answers the stored item with
   * `created: false`. Kinds the file does not map file nothing
   * (`item` undefined).
   */
  filePortalEvidence(
    evidence: PortalEvidence,
    options: { credentials: BackstageCredentials },
  ): Promise<{ item?: EvidenceItem; created: boolean }>;
}

/**
 * The compliance evidence service, for backend plugins that file evidence.
 *
 * @public
 */
export const complianceEvidenceServiceRef =
  createServiceRef<ComplianceEvidenceService>({
    id: 'compliance.evidence',
  });
