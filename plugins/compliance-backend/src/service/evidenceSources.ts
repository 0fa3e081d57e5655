import { ConnectedSourceRegistry } from '@readiness/backend-http-utils';
import { ComplianceEvidenceFilings } from '@readiness/plugin-compliance-node';
import { EvidenceService } from './EvidenceService';
import { isPortalFiling } from './readPortalFiling';

/** The evidence sources added by modules, by name. */
export class EvidenceSourceRegistry extends ConnectedSourceRegistry<ComplianceEvidenceFilings> {
  constructor() {
    super('A compliance evidence source');
  }
}

/**
 * The services the HTTP API files through (the authorizing ones), as
 * evidence sources see them: a filing is routed as `POST /v1/evidence`
 * routes it.
 */
export function filingsOf(
  evidence: EvidenceService,
): ComplianceEvidenceFilings {
  return {
    fileEvidence: (body, options) =>
      isPortalFiling(body)
        ? evidence.filePortalEvidence(body, options)
        : evidence.fileEvidence(body, options),
    withdrawEvidence: (evidenceId, body, options) =>
      evidence.withdrawEvidence(evidenceId, body, options),
    listEvidence: (entityRef, page, options) =>
      evidence.listEvidence(entityRef, page, options),
  };
}
