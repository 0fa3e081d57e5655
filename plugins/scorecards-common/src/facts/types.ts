/**
 * The type of a fact's value. A `timestamp` is an ISO 8601 instant in UTC
 * (`2026-11-03T09:00:00Z`), the one time format of the portal.
 *
 * @public
 */
export type FactType = 'number' | 'boolean' | 'string' | 'timestamp';

/**
 * Every fact type, in the order the docs list them.
 *
 * @public
 */
export const FACT_TYPES: readonly FactType[] = [
  'number',
  'boolean',
  'string',
  'timestamp',
];

/**
 * What a fact is: its id, the type of its value, the family that provides
 * it and what it means. Checks name facts by id; a check naming a fact that
 * no definition declares, or comparing it with a value of another type, does
 * not load.
 *
 * @public
 */
export type FactDefinition = {
  /** `<family>.<name>`, lower-case words joined by `-`: `reliability.slos-met`. */
  id: string;
  type: FactType;
  /** The plugin family (or `ci` for pushed facts) that provides the fact. */
  provider: string;
  /** One sentence: what the value says about the entity. */
  description: string;
  /** For `string` facts with a closed set of values: those values. */
  values?: readonly string[];
  /** For `number` facts: the unit, when there is one (`percent`, `minutes`). */
  unit?: string;
};

/**
 * A fact's value: a number, a boolean, a string, or an ISO 8601 instant for
 * a `timestamp` fact.
 *
 * @public
 */
export type FactValue = number | boolean | string;

/**
 * A fact as it was observed for one entity: its value and when the
 * provider observed it.
 *
 * @public
 */
export type FactObservation = {
  value: FactValue;
  /** ISO 8601 instant the provider computed or received the value. */
  observedAt: string;
};

/**
 * The facts known about one entity, by fact id. A fact absent here is
 * unknown: checks that need it are `unknown`, never failed.
 *
 * @public
 */
export type EntityFacts = Readonly<Record<string, FactObservation | undefined>>;

/** The shape of fact ids. */
export const FACT_ID =
  /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+$/;

/**
 * The provider of every fact pushed to the scorecards backend over HTTP
 * (by CI pipelines), and so the first part of their ids: `ci.coverage.line`.
 * No fact provider may take this id.
 *
 * @public
 */
export const PUSHED_FACT_PROVIDER = 'ci';

/**
 * A fact pushed by CI rather than computed by the portal, as declared in
 * its file (`scorecards/facts/<id>.yaml`): what checks may test and what a
 * push must send.
 *
 * @public
 */
export type PushedFactDefinition = FactDefinition & {
  provider: typeof PUSHED_FACT_PROVIDER;
  title: string;
  /** For `number` facts: the smallest value a push may send. */
  minimum?: number;
  /** For `number` facts: the largest value a push may send. */
  maximum?: number;
  /** For `number` facts: only whole numbers. */
  integer?: boolean;
  /**
   * Who may push the fact: the subjects of the service tokens (their
   * `subject` in `backend.auth.externalAccess`).
   */
  pushedBy: readonly string[];
  /** The file the declaration was read from. */
  file: string;
};
