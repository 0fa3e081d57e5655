import {
  ComplianceEvidenceFilings,
  ComplianceEvidenceSource,
} from '@readiness/plugin-compliance-node';
import { EvidenceService } from './EvidenceService';
import { isPortalFiling } from './readPortalFiling';

/** The evidence sources added by modules, by name. */
export class EvidenceSourceRegistry {
  private readonly sources = new Map<string, ComplianceEvidenceSource>();

  add(source: ComplianceEvidenceSource) {
    if (this.sources.has(source.name)) {
      throw new Error(
        `A compliance evidence source named ${source.name} was added twice`,
      );
    }
    this.sources.set(source.name, source);
  }

  /** Hands every source the services, one after the other. */
  async connectAll(filings: ComplianceEvidenceFilings) {
    for (const source of this.sources.values()) {
      await source.connect(filings);
    }
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
