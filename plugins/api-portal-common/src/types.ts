/*
 * The api-portal domain as its backend keeps it and its HTTP API answers it
 * (`plugins/api-portal-backend/src/schema/openapi.yaml`). The backend and the
 * clients both use these types. Times are ISO 8601 UTC strings.
 */
import type { ApiChange } from './diff';

export type { Page, PageQuery } from '@readiness/client-utils';

/** What kind of API description a definition is. @public */
export type SpecFormat =
  | 'openapi'
  | 'swagger'
  | 'asyncapi'
  | 'graphql'
  | 'other';

/**
 * The state of a revision: `ok`, or why the definition could not be read.
 * Only `ok` revisions are linted and compared.
 *
 * @public
 */
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
  /** `info.version`; undefined when the definition has none. */
  version?: string;
  title?: string;
  format: SpecFormat;
  /** e.g. `3.1.0`, `2.0` */
  specVersion?: string;
  sizeBytes: number;
  contentHash: string;
  status: RevisionStatus;
  statusMessage?: string;
  firstSeenAt: string;
};

/** Lint problems by severity. @public */
export type LintTotals = { errors: number; warnings: number };

/** The lint outcome of one definition text. @public */
export type LintResult = LintTotals & {
  contentHash: string;
  /** `ok` (linted), `error` (Redocly failed) or `timeout`. */
  status: 'ok' | 'error' | 'timeout';
  statusMessage?: string;
  lintedAt: string;
  durationMs: number;
};

/** Lint totals with their state, as lists show them. @public */
export type LintSummary = LintTotals & {
  status: LintResult['status'];
  lintedAt: string;
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
  /** The rule's documentation. */
  documentationUrl?: string;
};

/** A rule that reported problems in a revision. @public */
export type LintRuleCount = {
  ruleId: string;
  severity: LintProblem['severity'];
  count: number;
  documentationUrl?: string;
};

/** A revision's lint result with its problems, also counted per rule. @public */
export type RevisionLint = {
  revisionId: string;
  entityRef: string;
  contentHash: string;
  /** `not-linted`: not OpenAPI/Swagger, unreadable, or not linted yet. */
  status: LintResult['status'] | 'not-linted';
  statusMessage?: string;
  totals: LintTotals;
  lintedAt?: string;
  rules: LintRuleCount[];
  problems: LintProblem[];
};

/** An API family in the families list. @public */
export type FamilySummary = {
  name: string;
  latestVersion?: string;
  latestEntityRef?: string;
  /** Distinct (entity, version) pairs the family has had. */
  versionsCount: number;
  entityRefs: string[];
  partnerFacing: boolean;
  /** Lint totals of the latest version's definition (when the caller may read them). */
  lint?: LintSummary;
  breakingChangesLast30Days: number;
  /**
   * SDK downloads per day (UTC) of the last 30 days, days with downloads
   * only; `sample` of a day's are sample data (docs/operations/sample-data.md),
   * when any are.
   */
  sdkDownloadsLast30Days?: Array<{
    day: string;
    downloads: number;
    sample?: number;
  }>;
  /** Whose downloads `sdkDownloadsLast30Days` counts (partners: their organisation's). */
  sdkDownloadsScope?: SdkDownloadsScope;
};

/** One version of a family: the newest revision carrying it. @public */
export type FamilyVersion = {
  version: string;
  entityRef: string;
  revision: SpecRevision;
  /** Whether this is the entity's current definition. */
  current: boolean;
  /** Whether this is the family's latest version. */
  latest: boolean;
  lint?: LintSummary;
};

/** An API family with its versions, newest first. @public */
export type FamilyDetail = {
  name: string;
  partnerFacing: boolean;
  latestVersion?: string;
  versions: FamilyVersion[];
};

/** A changelog entry as kept, with where it came from. @public */
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

/** The state of an SDK build. @public */
export type SdkBuildStatus = 'pending' | 'building' | 'ready' | 'failed';

/**
 * Whose SDK downloads a count covers: everyone's (internal callers), or the
 * caller's own partner organisation's (partners). @public
 */
export type SdkDownloadsScope = 'all' | 'organisation';

/**
 * SDK downloads: for internal callers every download, split by audience; for
 * partners only their own organisation's. `sample` of the total are sample
 * data (docs/operations/sample-data.md), when any are. @public
 */
export type SdkDownloads =
  | {
      scope: 'all';
      internal: number;
      partner: number;
      total: number;
      sample?: number;
    }
  | { scope: 'organisation'; total: number; sample?: number };

/** The SDK of one language for an entity's current definition. @public */
export type EntitySdk = {
  /** e.g. `typescript`, `python` */
  language: string;
  displayName: string;
  generatorVersion: string;
  status: SdkBuildStatus;
  sizeBytes?: number;
  finishedAt?: string;
  /** The build log of a failed build; internal callers only. */
  log?: string;
  downloads: SdkDownloads;
  /** What to download and how to install it. */
  fileName: string;
  /** The install command, e.g. `npm install ./ledger-api-2.0.0.tgz`. */
  install?: string;
  /** How the installed package is first used, e.g. `import ledger_api`. */
  usage?: string;
};

/** The SDKs of an entity's current definition. @public */
export type EntitySdks = {
  entityRef: string;
  family: string;
  version: string;
  specHash: string;
  packageName: string;
  sdks: EntitySdk[];
};

/** One API a component provides, as its card shows it. @public */
export type ProvidedApi = {
  entityRef: string;
  title?: string;
  family: string;
  /** `info.version` of the entity's current definition. */
  version?: string;
  /** The family's latest version. */
  latestVersion?: string;
  /** Whether this entity carries the family's latest version. */
  latest: boolean;
  /** The current revision's state; absent when not collected yet. */
  revisionStatus?: RevisionStatus;
  revisionStatusMessage?: string;
  /** Lint totals of the current definition (when the caller may read them). */
  lint?: LintSummary;
  /** Breaking changelog entries of the family in the last 30 days. */
  breakingChangesLast30Days: number;
};

/** The APIs an entity provides (`providesApis`) that the caller may read. @public */
export type ProvidedApis = {
  entityRef: string;
  apis: ProvidedApi[];
  /** Provided APIs the caller may not read. */
  hidden: number;
};
