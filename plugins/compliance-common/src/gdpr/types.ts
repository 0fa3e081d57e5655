import { HumanDuration } from '@backstage/types';
import { DataFileProblem } from '@readiness/data-files';

/**
 * The annotation on a catalog entity that names its record of processing, a
 * YAML file beside its catalog file: `readiness.dev/gdpr: ./gdpr.yaml`.
 *
 * @public
 */
export const GDPR_ANNOTATION = 'readiness.dev/gdpr';

/** @public */
export const PROCESSING_RECORD_KIND = 'ProcessingRecord';

/**
 * Whether the entity decides why and how personal data is processed
 * (controller) or processes it on someone else's behalf (processor).
 *
 * @public
 */
export const PROCESSING_ROLES = ['controller', 'processor'] as const;

/** @public */
export type ProcessingRole = (typeof PROCESSING_ROLES)[number];

/**
 * The lawful bases of GDPR Article 6(1), (a) to (f), in that order.
 *
 * @public
 */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;

/** @public */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/**
 * What makes a transfer outside the EEA lawful: an adequacy decision
 * (Art. 45), standard contractual clauses or binding corporate rules
 * (Art. 46), or a derogation for a specific situation (Art. 49).
 *
 * @public
 */
export const TRANSFER_SAFEGUARDS = [
  'adequacy-decision',
  'standard-contractual-clauses',
  'binding-corporate-rules',
  'derogation',
] as const;

/** @public */
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

/**
 * A category of personal data; `special` marks the special categories of
 * Article 9 (health, religion, biometrics and the others).
 *
 * @public
 */
export type PersonalDataCategory = {
  name: string;
  special: boolean;
};

/**
 * How long the data of an activity is kept: a fixed `period`, or a `rule`
 * in words ("10 years after the end of the fiscal year") with the
 * `maximum` it can come to, which is what the findings check. Either way,
 * `deletion` says how the data goes when the time is up.
 *
 * @public
 */
export type RetentionPolicy = {
  period?: HumanDuration;
  rule?: string;
  maximum?: HumanDuration;
  deletion?: string;
};

/**
 * One processing activity: what is done with which personal data, why, on
 * which lawful basis, and for how long it is kept.
 *
 * @public
 */
export type ProcessingActivity = {
  id: string;
  description?: string;
  purposes: string[];
  lawfulBasis: LawfulBasis;
  dataSubjects: string[];
  categories: PersonalDataCategory[];
  /** Absent when the record does not say: a finding. */
  retention?: RetentionPolicy;
};

/**
 * The evidence that proves a processor signed a data processing agreement:
 * an evidence item of the entity with this title, filed for the DPA control
 * (`control`, or `compliance.gdpr.dpaControl` of the app config).
 *
 * @public
 */
export type DpaReference = {
  evidence: string;
  control?: string;
};

/**
 * A party that processes personal data on the entity's behalf: a catalog
 * entity (`entityRef`) or an outside party by `name`.
 *
 * @public
 */
export type DataProcessor = {
  name: string;
  entityRef?: string;
  purpose?: string;
  /** Names of the categories it receives. */
  categories: string[];
  /** Absent when the record names no DPA: a finding. */
  dpa?: DpaReference;
};

/**
 * A party personal data is disclosed to that is not a processor (a tax
 * authority, a partner acting on the customer's instruction).
 *
 * @public
 */
export type DataRecipient = {
  name: string;
  entityRef?: string;
  purpose?: string;
  categories: string[];
};

/**
 * A transfer of personal data to a country outside the EEA.
 *
 * @public
 */
export type DataTransfer = {
  /** Who receives it: a processor's or recipient's name. */
  to: string;
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: string;
  /** Absent when the record names none: a finding. */
  safeguard?: TransferSafeguard;
  note?: string;
};

/**
 * A flow of personal data the record declares, from the entity to another
 * catalog entity, beyond what the catalog's relations show.
 *
 * @public
 */
export type DeclaredDataFlow = {
  /** The receiving entity, a normalised entity ref. */
  to: string;
  categories: string[];
  channel?: string;
  purpose?: string;
};

/**
 * A record of processing activities (GDPR Article 30) of one catalog
 * entity, as read from its file.
 *
 * @public
 */
export type ProcessingRecord = {
  title?: string;
  description?: string;
  role: ProcessingRole;
  /** Who the controller is, when the entity acts as a processor. */
  controller?: string;
  activities: ProcessingActivity[];
  processors: DataProcessor[];
  recipients: DataRecipient[];
  transfers: DataTransfer[];
  flows: DeclaredDataFlow[];
};

/**
 * A record file as read: the record when its required parts read, and the
 * problems of the file at file, JSON pointer and line.
 *
 * @public
 */
export type ProcessingRecordFile = {
  record?: ProcessingRecord;
  problems: DataFileProblem[];
};

/**
 * The kinds of gaps a record's findings name.
 *
 * @public
 */
export const GDPR_FINDING_KINDS = [
  'missing-retention',
  'retention-beyond-maximum',
  'processor-without-dpa',
  'transfer-without-safeguard',
] as const;

/** @public */
export type GdprFindingKind = (typeof GDPR_FINDING_KINDS)[number];

/**
 * A gap in a record of processing: what, the part of the record it is
 * about, and how to close it.
 *
 * @public
 */
export type GdprFinding = {
  kind: GdprFindingKind;
  /** The activity's id, the processor's name or the transfer's recipient. */
  subject: string;
  message: string;
};
