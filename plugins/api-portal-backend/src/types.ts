/*
 * The api-portal domain as the backend's services and HTTP API see it. Times
 * are ISO 8601 UTC strings.
 */
import type { ApiChange } from '@readiness/plugin-api-portal-common';

/** What kind of API description a definition is. */
export type SpecFormat =
  | 'openapi'
  | 'swagger'
  | 'asyncapi'
  | 'graphql'
  | 'other';

/**
 * The state of a revision: `ok`, or why the definition could not be read.
 * Only `ok` revisions are linted and compared.
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

/** One definition of an API entity, as first seen. */
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

/** Lint problems by severity. */
export type LintTotals = { errors: number; warnings: number };

/** The lint outcome of one definition text. */
export type LintResult = LintTotals & {
  contentHash: string;
  /** `ok` (linted), `error` (Redocly failed) or `timeout`. */
  status: 'ok' | 'error' | 'timeout';
  statusMessage?: string;
  lintedAt: string;
  durationMs: number;
};

/** One lint problem with its place in the definition. */
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

/** A changelog entry as kept, with where it came from. */
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

/** One page of a list; `nextCursor` when there is more. */
export type Page<T> = { items: T[]; nextCursor?: string };
