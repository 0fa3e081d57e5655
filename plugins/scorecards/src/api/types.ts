/*
 * What the scorecards backend answers, as its OpenAPI document
 * (plugins/scorecards-backend/src/schema/openapi.yaml) describes it. Levels,
 * categories and their titles come from @readiness/plugin-scorecards-common.
 */
import type {
  ScorecardCategory,
  ScorecardLevel,
} from '@readiness/plugin-scorecards-common';

/**
 * A check as the backend lists it: what it tests, where it counts and how
 * to fix a failure.
 *
 * @public
 */
export type ScorecardCheckView = {
  id: string;
  /** What passing means, in a few words. */
  title: string;
  category: ScorecardCategory;
  level: ScorecardLevel;
  /** 1 to 100: how much it counts in the score. */
  weight: number;
  /** Why the check matters. */
  why: string;
  /** `docs` is a page of the portal's docs (`reliability/slos#anchor`) or an https URL. */
  howToFix: { text: string; docs: string };
};

/**
 * The outcome of a check that applies to an entity. `unknown`: a fact the
 * check needs is not known; it does not pass, so it counts against the level
 * and the score like a failure.
 *
 * @public
 */
export type CheckResultStatus = 'pass' | 'fail' | 'unknown';

/**
 * A check that applies to an entity, with its outcome and the reason in
 * words, naming the facts it read (`api-portal.lint-errors is 3; expected 0`).
 *
 * @public
 */
export type CheckResult = ScorecardCheckView & {
  status: CheckResultStatus;
  reason: string;
};

/**
 * Counts and a score over a set of checks: the weight of the passing ones
 * as a whole percentage (rounded down) of the weight of the applicable ones;
 * `score` is null when none applies.
 *
 * @public
 */
export type ScoreCounts = {
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
};

/**
 * The score of one category of checks for an entity.
 *
 * @public
 */
export type CategoryScore = ScoreCounts & {
  category: ScorecardCategory;
  title: string;
};

/**
 * The next level above an entity's and the ids of the applicable checks of
 * that level or below that do not pass.
 *
 * @public
 */
export type NextLevel = { level: ScorecardLevel; blockedBy: string[] };

/**
 * An entity's scorecard as of its last recompute.
 *
 * @public
 */
export type ScorecardRecord = ScoreCounts & {
  entityRef: string;
  /** The highest level reached; null when none is. */
  level: ScorecardLevel | null;
  /** The categories with applicable checks. */
  categories: CategoryScore[];
  /** Every check that applies to the entity, in the order of the checks. */
  checks: CheckResult[];
  /** null at the top, or when no level has an applicable check. */
  nextLevel: NextLevel | null;
  computedAt: string;
};

/**
 * An entity's scorecard as of the last recompute of one UTC day.
 *
 * @public
 */
export type ScorecardDay = ScoreCounts & {
  /** `YYYY-MM-DD` */
  day: string;
  level: ScorecardLevel | null;
  categories: CategoryScore[];
  computedAt: string;
};

/**
 * The daily snapshots of an entity between two UTC days, oldest first; days
 * without a recompute are left out.
 *
 * @public
 */
export type ScorecardHistory = {
  entityRef: string;
  from: string;
  to: string;
  days: ScorecardDay[];
};

/**
 * Which days of history to read (`YYYY-MM-DD`, both included; at most 366
 * days): the last 30 days up to today when absent.
 *
 * @public
 */
export type HistoryRange = { from?: string; to?: string };

/**
 * The checks entities are scored with.
 *
 * @public
 */
export type ScorecardCheckList = {
  checks: ScorecardCheckView[];
  /** The files that did not load; only for callers who may read every scorecard. */
  problems?: Array<{
    file: string;
    path: string;
    line?: number;
    message: string;
  }>;
};

/**
 * One day of an entity's score in a rollup's trend.
 *
 * @public
 */
export type RollupTrendPoint = {
  day: string;
  level: ScorecardLevel | null;
  score: number | null;
};

/**
 * How many entities reached each level; `none` for no level.
 *
 * @public
 */
export type LevelCounts = Record<ScorecardLevel | 'none', number>;

/**
 * An entity of a team's, system's or domain's rollup.
 *
 * @public
 */
export type RollupEntity = {
  entityRef: string;
  level: ScorecardLevel | null;
  score: number | null;
  nextLevel: ScorecardLevel | null;
  /** The ids of the checks that keep it from its next level. */
  blockedBy: string[];
  failing: number;
  applicable: number;
  computedAt: string;
  /** Its daily score over the rollup's trend days, oldest first. */
  trend: RollupTrendPoint[];
};

/**
 * A check that does not pass on some entities, with how many entities'
 * next level it blocks.
 *
 * @public
 */
export type RankedCheck = Omit<ScorecardCheckView, 'weight'> & {
  blocking: number;
  failing: number;
  blockedEntityRefs: string[];
};

/**
 * The rollup of a team (group), system or domain.
 *
 * @public
 */
export type ScorecardRollup = {
  subject: {
    entityRef: string;
    kind: 'group' | 'system' | 'domain';
    title?: string;
  };
  /** Lowest score first. */
  entities: RollupEntity[];
  levels: LevelCounts;
  averageScore: number | null;
  /** Those blocking most entities first. */
  failingChecks: RankedCheck[];
  trend: { from: string; to: string };
  /** Teams only: whether the caller may mark the team's ritual held. */
  mayMarkRitual?: boolean;
};

/**
 * A team in the teams index.
 *
 * @public
 */
export type TeamRollupSummary = {
  groupRef: string;
  title?: string;
  entities: number;
  levels: LevelCounts;
  averageScore: number | null;
};

/**
 * A readiness ritual a team held.
 *
 * @public
 */
export type TeamRitual = {
  id: string;
  groupRef: string;
  day: string;
  /** The moment what changed since is compared with. */
  heldAt: string;
  note?: string;
  heldBy: string;
  recordedAt: string;
};

/**
 * A level and score, then or now.
 *
 * @public
 */
export type LevelAndScore = {
  level: ScorecardLevel | null;
  score: number | null;
};

/**
 * An entity whose scorecard changed since the team's last ritual.
 *
 * @public
 */
export type RitualEntityChange = {
  entityRef: string;
  /** null: nothing was known of the entity at the ritual. */
  then: LevelAndScore | null;
  now: LevelAndScore;
  started: Array<{ id: string; title: string }>;
  stopped: Array<{ id: string; title: string }>;
};

/**
 * What changed since a team's last ritual.
 *
 * @public
 */
export type RitualChanges = {
  since: TeamRitual | null;
  changed: RitualEntityChange[];
  unchanged: number;
};
