/*
 * The evaluator: checks compile once (selectors and rules into closures,
 * levels and categories into indexes), then each entity costs one pass over
 * the checks with no allocation beyond its outcomes.
 */
import {
  SCORECARD_CATEGORIES,
  SCORECARD_LEVELS,
  ScorecardCategory,
  ScorecardCheck,
  ScorecardLevel,
  ScorecardSelector,
} from '../checks/types';
import { EntityFacts } from '../facts/types';
import {
  compileRule,
  CompiledRule,
  FAIL,
  PASS,
  RuleClock,
  UNKNOWN,
} from './compileRule';

/**
 * What the evaluator needs of a catalog entity to decide which checks apply.
 *
 * @public
 */
export type ScorecardSubject = {
  kind: string;
  type?: string;
  lifecycle?: string;
  tags?: readonly string[];
};

/**
 * The subject of a catalog entity (anything shaped like one).
 *
 * @public
 */
export function scorecardSubjectOf(entity: {
  kind: string;
  metadata: { tags?: readonly string[] };
  spec?: Record<string, unknown>;
}): ScorecardSubject {
  const { type, lifecycle } = entity.spec ?? {};
  return {
    kind: entity.kind,
    ...(typeof type === 'string' && { type }),
    ...(typeof lifecycle === 'string' && { lifecycle }),
    ...(entity.metadata.tags && { tags: entity.metadata.tags }),
  };
}

/**
 * The result of one check for one entity:
 * - `pass`, `fail`: the rule holds, or does not;
 * - `unknown`: a fact the rule needs is not known (or has a value of the
 *   wrong type), so the check neither passes nor is held against the entity
 *   as a failure; it does count as not passing for level and score;
 * - `not-applicable`: the check's selector does not select the entity.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';

/**
 * One check's outcome for one entity, with the reason in words.
 *
 * @public
 */
export type CheckOutcome = {
  checkId: string;
  status: CheckStatus;
  reason: string;
};

/**
 * A score over a set of checks: the weight of the passing checks as a whole
 * percentage (rounded down, so 100 means every applicable check passes) of
 * the weight of the applicable ones; null when none applies.
 *
 * @public
 */
export type ScoreSummary = {
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  /** passed + failed + unknown */
  applicable: number;
};

/**
 * An entity's scorecard.
 *
 * @public
 */
export type EntityScorecard = ScoreSummary & {
  /**
   * The highest level with applicable checks at which every applicable
   * check of that level and below passes; null when none is reached.
   */
  level: ScorecardLevel | null;
  /** The next level above `level` that has applicable checks, if any. */
  nextLevel: ScorecardLevel | null;
  /** Scores per category, for the categories with applicable checks. */
  categories: Partial<Record<ScorecardCategory, ScoreSummary>>;
  /** One outcome per check, in the order the checks were given. */
  outcomes: CheckOutcome[];
};

/**
 * Checks compiled for evaluation.
 *
 * @public
 */
export interface CompiledScorecard {
  readonly checks: readonly ScorecardCheck[];
  /**
   * Evaluates every check for one entity. `now` (an ISO instant, epoch
   * milliseconds or a Date) is the time ages are measured from.
   */
  evaluate(
    subject: ScorecardSubject,
    facts: EntityFacts,
    now: string | number | Date,
  ): EntityScorecard;
}

const STATUS_NAMES: Record<number, CheckStatus> = {
  [FAIL]: 'fail',
  [PASS]: 'pass',
  [UNKNOWN]: 'unknown',
};

/** A subject with its fields lower-cased once, for every check to compare. */
type NormalSubject = {
  kind: string;
  type: string | undefined;
  lifecycle: string | undefined;
  tags: readonly string[];
};

/** Gives undefined when the selector selects the subject, else why not. */
type CompiledSelector = (subject: NormalSubject) => string | undefined;

function compileSelector(selector: ScorecardSelector): CompiledSelector {
  const tests: CompiledSelector[] = [];
  const field = (
    name: 'kind' | 'type' | 'lifecycle',
    wanted: string[] | undefined,
  ) => {
    if (!wanted) return;
    const set = new Set(wanted.map(v => v.toLowerCase()));
    const shown = wanted.join(' or ');
    tests.push(subject => {
      const value = subject[name];
      if (value !== undefined && set.has(value)) return undefined;
      return `applies to ${name} ${shown}, not ${
        value ?? `an entity without a ${name}`
      }`;
    });
  };
  field('kind', selector.kinds);
  field('type', selector.types);
  field('lifecycle', selector.lifecycles);
  if (selector.tags) {
    const wanted = selector.tags;
    const shown = wanted.join(' or ');
    tests.push(subject =>
      wanted.some(tag => subject.tags.includes(tag))
        ? undefined
        : `applies to entities tagged ${shown}`,
    );
  }
  if (tests.length === 0) return () => undefined;
  return subject => {
    for (const test of tests) {
      const reason = test(subject);
      if (reason !== undefined) return reason;
    }
    return undefined;
  };
}

function toEpochMs(now: string | number | Date): number {
  let ms: number;
  if (typeof now === 'number') ms = now;
  else if (typeof now === 'string') ms = Date.parse(now);
  else ms = now.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`"${now}" is not a time`);
  return ms;
}

type Tally = {
  passed: number;
  failed: number;
  unknown: number;
  weight: number;
  earned: number;
};

function summary(tally: Tally): ScoreSummary {
  const applicable = tally.passed + tally.failed + tally.unknown;
  return {
    score:
      applicable === 0 ? null : Math.floor((tally.earned * 100) / tally.weight),
    passed: tally.passed,
    failed: tally.failed,
    unknown: tally.unknown,
    applicable,
  };
}

const emptyTally = (): Tally => ({
  passed: 0,
  failed: 0,
  unknown: 0,
  weight: 0,
  earned: 0,
});

/**
 * Compiles checks for evaluation: each check's selector and rule once.
 *
 * @public
 */
export function compileScorecard(
  checks: readonly ScorecardCheck[],
): CompiledScorecard {
  const compiled = checks.map(check => ({
    id: check.id,
    weight: check.weight,
    level: SCORECARD_LEVELS.indexOf(check.level),
    category: SCORECARD_CATEGORIES.indexOf(check.category),
    selector: compileSelector(check.appliesTo),
    rule: compileRule(check.rule) as CompiledRule,
  }));
  const levelCount = SCORECARD_LEVELS.length;
  const categoryCount = SCORECARD_CATEGORIES.length;

  return {
    checks,
    evaluate(subject, facts, now) {
      const clock: RuleClock = { nowMs: toEpochMs(now) };
      const normal: NormalSubject = {
        kind: subject.kind.toLowerCase(),
        type: subject.type?.toLowerCase(),
        lifecycle: subject.lifecycle?.toLowerCase(),
        tags: subject.tags ?? [],
      };
      const total = emptyTally();
      const categories: Array<Tally | undefined> = new Array(categoryCount);
      const applicableAt = new Array<number>(levelCount).fill(0);
      const passingAt = new Array<number>(levelCount).fill(0);
      const outcomes: CheckOutcome[] = new Array(compiled.length);

      for (let i = 0; i < compiled.length; i++) {
        const check = compiled[i];
        const notApplicable = check.selector(normal);
        if (notApplicable !== undefined) {
          outcomes[i] = {
            checkId: check.id,
            status: 'not-applicable',
            reason: notApplicable,
          };
          continue;
        }
        const status = check.rule.test(facts, clock);
        outcomes[i] = {
          checkId: check.id,
          status: STATUS_NAMES[status],
          reason: check.rule.explain(facts, clock, false),
        };
        const category = (categories[check.category] ??= emptyTally());
        applicableAt[check.level] += 1;
        total.weight += check.weight;
        category.weight += check.weight;
        if (status === PASS) {
          passingAt[check.level] += 1;
          total.passed += 1;
          total.earned += check.weight;
          category.passed += 1;
          category.earned += check.weight;
        } else if (status === FAIL) {
          total.failed += 1;
          category.failed += 1;
        } else {
          total.unknown += 1;
          category.unknown += 1;
        }
      }

      let level = -1;
      for (let l = 0; l < levelCount; l++) {
        if (passingAt[l] < applicableAt[l]) break;
        if (applicableAt[l] > 0) level = l;
      }
      let nextLevel = -1;
      for (let l = level + 1; l < levelCount; l++) {
        if (applicableAt[l] > 0) {
          nextLevel = l;
          break;
        }
      }

      const byCategory: EntityScorecard['categories'] = {};
      for (let c = 0; c < categoryCount; c++) {
        const tally = categories[c];
        if (tally) byCategory[SCORECARD_CATEGORIES[c]] = summary(tally);
      }
      return {
        ...summary(total),
        level: level < 0 ? null : SCORECARD_LEVELS[level],
        nextLevel: nextLevel < 0 ? null : SCORECARD_LEVELS[nextLevel],
        categories: byCategory,
        outcomes,
      };
    },
  };
}
