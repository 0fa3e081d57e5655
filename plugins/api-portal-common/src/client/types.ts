/*
 * The api-portal backend's responses as its clients see them, mirroring
 * `plugins/api-portal-backend/src/schema/openapi.yaml`. Times are ISO 8601 UTC.
 * The backend still keeps its own copies in `src/types.ts`; merging them is
 * left for later because the backend's family and SDK types live elsewhere.
 */
import type { ApiChange } from '../diff';

/** What kind of API description a definition is. @public */
export type SpecFormat =
  | 'openapi'
  | 'swagger'
  | 'asyncapi'
  | 'graphql'
  | 'other';

/** The state of a revision: `ok`, or why the definition could not be read. @public */
export type RevisionStatus =
  | 'ok'
  | 'too-large'
  | 'invalid-yaml'
  | 'invalid-json'
  | 'yaml-alias-limit'
  | 'parse-timeout'
  | 'not-openapi'
  | 'no-definition'
  | 'failed';

/** One definition of an API entity, as first seen. @public */
export type SpecRevision = {
  id: string;
  entityRef: string;
  family: string;
  version?: string;
  title?: string;
  format: SpecFormat;
  specVersion?: string;
  sizeBytes: number;
  contentHash: string;
  status: RevisionStatus;
  statusMessage?: string;
  firstSeenAt: string;
};

/** Lint totals of a revision. @public */
export type LintSummary = {
  errors: number;
  warnings: number;
  status: 'ok' | 'error' | 'timeout';
  lintedAt: string;
};

/** One page of a list; `nextCursor` when there is more. @public */
export type PortalPage<T> = { items: T[]; nextCursor?: string };

/** A family in the portal's list. @public */
export type FamilySummary = {
  name: string;
  latestVersion?: string;
  latestEntityRef?: string;
  versionsCount: number;
  entityRefs: string[];
  partnerFacing: boolean;
  lint?: LintSummary;
  breakingChangesLast30Days: number;
  sdkDownloadsLast30Days?: { day: string; downloads: number }[];
};

/** One version of a family. @public */
export type FamilyVersion = {
  version: string;
  entityRef: string;
  revision: SpecRevision;
  /** The version's current revision. */
  current: boolean;
  latest: boolean;
  lint?: LintSummary;
};

/** A family with all its versions. @public */
export type FamilyDetail = {
  name: string;
  partnerFacing: boolean;
  latestVersion?: string;
  versions: FamilyVersion[];
};

/** One lint problem with its place in the definition. @public */
export type LintProblem = {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** JSON pointer into the definition, e.g. `#/paths/~1accounts/get`. */
  pointer?: string;
  line?: number;
  column?: number;
  documentationUrl?: string;
};

/** A rule that reported problems in a revision. @public */
export type LintRuleCount = {
  ruleId: string;
  severity: string;
  count: number;
  documentationUrl?: string;
};

/** The lint outcome of a revision. @public */
export type RevisionLint = {
  revisionId: string;
  entityRef: string;
  contentHash: string;
  status: 'ok' | 'error' | 'timeout' | 'not-linted';
  statusMessage?: string;
  totals: { errors: number; warnings: number };
  lintedAt?: string;
  rules: LintRuleCount[];
  problems: LintProblem[];
};

/** A changelog entry of a family. @public */
export type ChangelogItem = {
  id: string;
  family: string;
  /** `revision`: the same entity's definition changed; `version`: the family's next version. */
  kind: 'revision' | 'version';
  entityRef: string;
  fromEntityRef: string;
  fromRevisionId: string;
  toRevisionId: string;
  fromVersion: string;
  toVersion: string;
  at: string;
  breaking: boolean;
  summary: string;
  changes: ApiChange[];
};

/** The answer to a refresh of an entity's definition. @public */
export type RefreshResult = { revision: SpecRevision; changed: boolean };

/** SDK downloads by audience. @public */
export type SdkDownloads = { internal: number; partner: number; total: number };

/** One SDK of an API entity. @public */
export type EntitySdk = {
  /** e.g. `typescript`, `python` */
  language: string;
  displayName: string;
  generatorVersion: string;
  status: 'pending' | 'building' | 'ready' | 'failed';
  sizeBytes?: number;
  finishedAt?: string;
  log?: string;
  downloads: SdkDownloads;
  fileName: string;
  /** The install command, e.g. `npm install ./ledger-api-2.0.0.tgz`. */
  install?: string;
};

/** The SDKs built from an API entity's definition. @public */
export type EntitySdks = {
  entityRef: string;
  family: string;
  version: string;
  specHash: string;
  packageName: string;
  sdks: EntitySdk[];
};
