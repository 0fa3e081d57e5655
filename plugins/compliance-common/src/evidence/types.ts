import { EntityApplicabilityProblem } from '../applicability/types';
import { ControlState, EvidenceResult } from '../state/controlState';

/**
 * Where a piece of evidence comes from: filed by a person (`manual`), a
 * pipeline, one of the portal's own plugins (`drill`, `backup`, `gate`,
 * `api-lint`, `scorecard`), or another system (`external`).
 *
 * @public
 */
export const EVIDENCE_SOURCES = [
  'manual',
  'pipeline',
  'drill',
  'backup',
  'gate',
  'api-lint',
  'scorecard',
  'external',
] as const;

/** @public */
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** @public */
export const EVIDENCE_RESULTS: readonly EvidenceResult[] = [
  'satisfied',
  'not-satisfied',
  'informational',
];

/**
 * A small file kept with an evidence item (a report, a screenshot); its
 * content is served on its own, never in lists.
 *
 * @public
 */
export type EvidenceAttachment = {
  name: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
};

/**
 * The record that takes an evidence item out of counting. The item stays
 * on record; nothing is deleted.
 *
 * @public
 */
export type EvidenceWithdrawal = {
  id: string;
  evidenceId: string;
  reason: string;
  /** A user entity ref, or `service:<subject>` for a token. */
  withdrawnBy: string;
  withdrawnAt: string;
};

/**
 * One piece of evidence for controls of a catalog entity. Append-only.
 *
 * @public
 */
export type EvidenceItem = {
  id: string;
  entityRef: string;
  /** The controls it was filed for, e.g. `SOC2:CC8.1`. */
  controls: string[];
  source: EvidenceSource;
  title: string;
  description?: string;
  /** An http(s) URL where the evidence can be looked at. */
  link?: string;
  attachment?: EvidenceAttachment;
  /** ISO 8601 UTC: when what it shows was true. */
  collectedAt: string;
  /** ISO 8601 UTC: from then on it counts for nothing. */
  expiresAt: string;
  result: EvidenceResult;
  /** A user entity ref, or `service:<subject>` for a token. */
  filedBy: string;
  filedAt: string;
  idempotencyKey?: string;
  withdrawal?: EvidenceWithdrawal;
};

/**
 * Evidence as a filer sends it.
 *
 * @public
 */
export type NewEvidence = {
  entityRef: string;
  controls: string[];
  source: EvidenceSource;
  title: string;
  description?: string;
  link?: string;
  attachment?: {
    name: string;
    mediaType: string;
    /** The file, base64. */
    content: string;
  };
  collectedAt: string;
  /** By default the collection time plus the shortest validity of its controls. */
  expiresAt?: string;
  result: EvidenceResult;
  /** A retry with the same key answers the stored item. */
  idempotencyKey?: string;
};

/**
 * One control in an entity's scope, with its state today.
 *
 * @public
 */
export type EntityControlRecord = {
  /** `SOC2:CC8.1` */
  control: string;
  framework: string;
  title: string;
  state: ControlState;
  /** The applicability rules that put the control in the entity's scope. */
  rules: string[];
  /** Why the entity declares the control not applicable. */
  justification?: string;
  /** The item the state rests on (see controlState). */
  evidence?: {
    id: string;
    expiresAt: string;
    /** The control the item was filed for, when it counts through a mapping. */
    through?: string;
    /** The mapping that lets it count. */
    mapping?: string;
  };
};

/**
 * How much of one framework's scope of an entity is proven today.
 *
 * @public
 */
export type FrameworkCoverage = {
  framework: string;
  title: string;
  /** Controls in scope that are not declared not applicable. */
  applicable: number;
  /** Applicable controls whose evidence is fresh or expiring. */
  covered: number;
  /** covered / applicable, 0 to 1; 1 when nothing applies. */
  ratio: number;
  states: Record<ControlState, number>;
};

/**
 * The compliance record of one entity: its controls with their state and
 * the coverage per framework.
 *
 * @public
 */
export type EntityComplianceRecord = {
  entityRef: string;
  /** The time the states were computed for. */
  asOf: string;
  controls: EntityControlRecord[];
  coverage: FrameworkCoverage[];
  /** What is wrong in how the entity declares its scope. */
  problems: EntityApplicabilityProblem[];
};

/**
 * What an entity's overview card shows: the coverage per framework and the
 * newest item that counts, in one small answer.
 *
 * @public
 */
export type EntityComplianceSummary = {
  entityRef: string;
  /** The time the states were computed for. */
  asOf: string;
  coverage: FrameworkCoverage[];
  /** What is wrong in how the entity declares its scope. */
  problems: EntityApplicabilityProblem[];
  /** The newest item not withdrawn, by collection time. */
  newestEvidence?: Pick<
    EvidenceItem,
    'id' | 'title' | 'source' | 'collectedAt' | 'result' | 'link'
  >;
};
