import { HumanDuration } from '@backstage/types';
import { DataFile, DataFileProblem } from '@readiness/data-files';
import { FactType } from '../facts/types';

/**
 * The levels an entity climbs, lowest first.
 *
 * @public
 */
export const SCORECARD_LEVELS = ['bronze', 'silver', 'gold'] as const;

/**
 * A level: `bronze`, `silver` or `gold`.
 *
 * @public
 */
export type ScorecardLevel = (typeof SCORECARD_LEVELS)[number];

/**
 * The categories checks are grouped and scored by.
 *
 * @public
 */
export const SCORECARD_CATEGORIES = [
  'api',
  'reliability',
  'dr',
  'compliance',
  'ownership',
] as const;

/**
 * A category: `api`, `reliability`, `dr` (disaster recovery), `compliance`
 * or `ownership`.
 *
 * @public
 */
export type ScorecardCategory = (typeof SCORECARD_CATEGORIES)[number];

/**
 * How levels and categories are named to people.
 *
 * @public
 */
export const SCORECARD_TITLES: Readonly<
  Record<ScorecardLevel | ScorecardCategory, string>
> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  api: 'API',
  reliability: 'Reliability',
  dr: 'Disaster recovery',
  compliance: 'Compliance',
  ownership: 'Ownership',
};

/**
 * A comparison of a fact's value with a constant. `lt`, `lte`, `gt` and
 * `gte` take numbers for number facts and ISO instants for timestamp facts;
 * `eq` and `ne` take a value of the fact's type.
 *
 * @public
 */
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/**
 * The comparison operators, in the order messages list them.
 *
 * @public
 */
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
];

/**
 * A declarative rule over an entity's facts. Rules are data: they are
 * compiled into functions once and never evaluated as code.
 *
 * - `{ fact, eq | ne | lt | lte | gt | gte: value }` compares the fact's value;
 * - `{ fact, exists: true | false }` asks whether the fact is known;
 * - `{ fact, youngerThan: duration }` asks whether a timestamp fact is more
 *   recent than the duration before now;
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: rule }` combine rules.
 *
 * @public
 */
export type ScorecardRule =
  | {
      type: 'compare';
      fact: string;
      /** The fact's type: timestamps compare as instants. */
      factType: FactType;
      operator: ComparisonOperator;
      value: number | boolean | string;
    }
  | { type: 'exists'; fact: string; exists: boolean }
  | { type: 'youngerThan'; fact: string; duration: HumanDuration }
  | { type: 'all'; rules: ScorecardRule[] }
  | { type: 'any'; rules: ScorecardRule[] }
  | { type: 'not'; rule: ScorecardRule };

/**
 * Which entities a check applies to. Each field given must match (kind,
 * type and lifecycle compared case-insensitively; `tags`: the entity has at
 * least one of them); an empty selector applies to every entity.
 *
 * @public
 */
export type ScorecardSelector = {
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  tags?: string[];
};

/**
 * A scorecard check, as read from its file in `scorecards/checks/`.
 *
 * @public
 */
export type ScorecardCheck = {
  /** The check's id, which is also its file's name. */
  id: string;
  title: string;
  /** Why the check matters, for the people who own a failing entity. */
  why: string;
  howToFix: {
    text: string;
    /** A page of the portal's docs (`reliability/slos#anchor`) or an https URL. */
    docs: string;
  };
  category: ScorecardCategory;
  level: ScorecardLevel;
  /** How much the check counts in the score, 1 to 100. */
  weight: number;
  appliesTo: ScorecardSelector;
  rule: ScorecardRule;
  /** The file the check was read from. */
  file: string;
};

/**
 * Something wrong in a check file: where (file, JSON pointer, line) and
 * what.
 *
 * @public
 */
export type ScorecardFileProblem = DataFileProblem;

/**
 * A check file's text, with the path it is reported under.
 *
 * @public
 */
export type ScorecardCheckFile = DataFile;

/**
 * The checks that loaded, and the problems of the files that did not.
 *
 * @public
 */
export type ScorecardCheckSet = {
  checks: ScorecardCheck[];
  problems: ScorecardFileProblem[];
};
