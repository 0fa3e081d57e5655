import type { HttpMethod, UnresolvedRef } from '../reader';
import type {
  ApiDocument,
  OperationModel,
  PathModel,
  RequestBodyModel,
  ResponseModel,
} from './model';
import type { ParameterPairing } from './parameters';
import type { SchemaView } from './schemaView';
import type { SecurityRequirements } from './security';

/**
 * How much a change matters: `error` for breaking changes, `warning` for
 * changes a client should look at, `info` for the rest.
 *
 * @public
 */
export type ApiChangeSeverity = 'error' | 'warning' | 'info';

/** A place in one version of the document. @public */
export type ApiChangeLocation = {
  /** JSON pointer (RFC 6901), e.g. `/paths/~1accounts~1{id}/get/parameters/2`. */
  pointer: string;
};

/**
 * One difference between two versions of an API description.
 *
 * @public
 */
export type ApiChange = {
  /** The id of the rule that found it, see {@link API_DIFF_RULES}. */
  ruleId: string;
  breaking: boolean;
  severity: ApiChangeSeverity;
  /** One line for people, naming the operation it concerns. */
  message: string;
  /** Where it is in the old version (for additions: the parent it joins). */
  before?: ApiChangeLocation;
  /** Where it is in the new version (for removals: the parent it left). */
  after?: ApiChangeLocation;
  /** The path template the change concerns, as written in the new version. */
  path?: string;
  method?: HttpMethod;
};

/** What a rule reports: a message and JSON pointers into each version. @public */
export type RuleReport = {
  message: string;
  before?: string;
  after?: string;
};

/** Receives a rule's findings. @public */
export type ReportChange = (report: RuleReport) => void;

/** An operation present in both versions. @public */
export type OperationPair = {
  path: string;
  method: HttpMethod;
  before: OperationModel;
  after: OperationModel;
};

/** Which side of the API a schema describes. @public */
export type SchemaOrigin = 'parameter' | 'request' | 'response';

/** Two versions of one schema node, as the schema rules see them. @public */
export type SchemaPair = {
  origin: SchemaOrigin;
  /** The name of the referenced schema the pair sits in (`JournalLine`);
   *  undefined inside an inline schema. */
  schemaName?: string;
  /** Where the pair sits below that schema: `''` at its top, `amount`,
   *  `lines[]`, `lines[].amount`, `metadata.*` (additional properties). */
  propertyPath: string;
  before: SchemaView;
  after: SchemaView;
};

/**
 * What each scope's rules are given. Rules of a scope run once per element
 * of that scope: every path, every operation of a path present in both
 * versions, every status code of an operation present in both, and so on;
 * `before` or `after` is missing when the element exists on one side only.
 *
 * @public
 */
export type DiffRuleContexts = {
  /** Once per diff. */
  document: { before: ApiDocument; after: ApiDocument };
  /** Every path template of either version. */
  path: { path: string; before?: PathModel; after?: PathModel };
  /** Every method of a path present in both versions. */
  operation: {
    path: string;
    method: HttpMethod;
    before?: OperationModel;
    after?: OperationModel;
    beforePath: PathModel;
    afterPath: PathModel;
  };
  /** Every operation present in both versions. */
  parameters: { operation: OperationPair; pairing: ParameterPairing };
  /** Every operation present in both versions. */
  requestBody: {
    operation: OperationPair;
    before?: RequestBodyModel;
    after?: RequestBodyModel;
  };
  /** Every status code of an operation present in both versions. */
  response: {
    operation: OperationPair;
    status: string;
    before?: ResponseModel;
    after?: ResponseModel;
  };
  /**
   * Once for the document-wide `security`, and once per operation present in
   * both versions where either version declares its own `security`.
   */
  security: {
    operation?: OperationPair;
    before: SecurityRequirements;
    after: SecurityRequirements;
  };
  /** Every pair of schema nodes compared, per origin. */
  schema: SchemaPair;
  /** A `$ref` that could not be followed where the versions are compared. */
  reference: { side: 'before' | 'after'; unresolved: UnresolvedRef };
  /** Once, when the comparison stopped at its budget. */
  limit: { maxSchemaComparisons: number };
};

/** Where a rule runs. @public */
export type DiffRuleScope = keyof DiffRuleContexts;

/** A rule bound to one scope. @public */
export type DiffRuleOf<S extends DiffRuleScope> = {
  /** Stable kebab-case id, also the name of its fixture folder. */
  id: string;
  /** One sentence for the docs and the UI. */
  description: string;
  /** Whether what it finds breaks existing clients. */
  breaking: boolean;
  severity: ApiChangeSeverity;
  scope: S;
  check(context: DiffRuleContexts[S], report: ReportChange): void;
};

/**
 * A breaking-change rule: data describing it plus a small check.
 *
 * @public
 */
export type DiffRule = { [S in DiffRuleScope]: DiffRuleOf<S> }[DiffRuleScope];

/** Options of {@link diffApiDefinitions}. @public */
export type DiffOptions = {
  /** The rules to run; defaults to {@link API_DIFF_RULES}. */
  rules?: readonly DiffRule[];
  /** How deep inline schemas are followed (default 64). */
  maxDepth?: number;
  /**
   * How many schema node pairs are compared at most (default 500,000);
   * past it the diff stops comparing schemas and reports `diff-incomplete`.
   */
  maxSchemaComparisons?: number;
};
