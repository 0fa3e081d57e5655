export type * from './types';
export { EVIDENCE_RESULTS, EVIDENCE_SOURCES } from './types';
export {
  PORTAL_EVIDENCE_KINDS,
  readPortalEvidenceMapping,
  type PortalEvidenceKind,
  type PortalEvidenceMapping,
  type PortalEvidenceRule,
} from './portalEvidence';
export { isSampleEvidence, isSampleKey, SAMPLE_KEY_PREFIX } from './sampleData';
