/*
 * Rules compile once into closures: each node tests an entity's facts with
 * no lookups of the rule's shape, operators or constants at run time, and
 * explains its result only when asked. Results are three-valued: a missing
 * fact is unknown, `all` fails as soon as one part fails, `any` passes as
 * soon as one part passes, and `not` keeps unknown unknown.
 */
import { HumanDuration } from '@backstage/types';
import { formatDuration, subtractDuration } from '@readiness/data-files';
import { ComparisonOperator, ScorecardRule } from '../checks/types';
import { EntityFacts, FactObservation, FactType } from '../facts/types';

/** The result of a rule: fail, pass or unknown. */
export const FAIL = 0;
export const PASS = 1;
export const UNKNOWN = 2;
export type RuleStatus = typeof FAIL | typeof PASS | typeof UNKNOWN;

/** The time a rule is tested at, and what nodes derive from it. */
export type RuleClock = { nowMs: number };

/** A compiled rule. */
export type CompiledRule = {
  test(facts: EntityFacts, clock: RuleClock): RuleStatus;
  /**
   * Says why the rule has the result it has; `negated` when it sits under
   * an odd number of `not`s, so the expectation is worded the other way.
   */
  explain(facts: EntityFacts, clock: RuleClock, negated: boolean): string;
};

function flip(status: RuleStatus): RuleStatus {
  return status === UNKNOWN ? UNKNOWN : ((1 - status) as RuleStatus);
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const EXPECTED: Record<ComparisonOperator, [string, string]> = {
  eq: ['', 'anything but '],
  ne: ['anything but ', ''],
  lt: ['less than ', 'at least '],
  lte: ['at most ', 'more than '],
  gt: ['more than ', 'at most '],
  gte: ['at least ', 'less than '],
};

const EXPECTED_TIME: Record<ComparisonOperator, [string, string]> = {
  eq: ['', 'anything but '],
  ne: ['anything but ', ''],
  lt: ['before ', 'at or after '],
  lte: ['at or before ', 'after '],
  gt: ['after ', 'at or before '],
  gte: ['at or after ', 'before '],
};

function unknownReason(
  fact: string,
  observation: FactObservation | undefined,
  expected: string,
): string {
  return observation === undefined
    ? `${fact} is not known yet`
    : `${fact} has the ${typeof observation.value} value ${formatValue(
        observation.value,
      )}, where a ${expected} is expected`;
}

function compileCompare(
  fact: string,
  factType: FactType,
  operator: ComparisonOperator,
  constant: number | boolean | string,
): CompiledRule {
  const timestamp = factType === 'timestamp';
  const words = timestamp ? EXPECTED_TIME[operator] : EXPECTED[operator];
  const shown = formatValue(constant);
  const expected = [
    `; expected ${words[0]}${shown}`,
    `; expected ${words[1]}${shown}`,
  ];
  const kind = timestamp ? 'string' : typeof constant;

  let test: CompiledRule['test'];
  if (timestamp) {
    const at = Date.parse(constant as string);
    const holds = orderedTest(operator, at);
    test = facts => {
      const observation = facts[fact];
      if (observation === undefined || typeof observation.value !== 'string') {
        return UNKNOWN;
      }
      const ms = Date.parse(observation.value);
      if (Number.isNaN(ms)) return UNKNOWN;
      return holds(ms) ? PASS : FAIL;
    };
  } else if (typeof constant === 'number') {
    const holds = orderedTest(operator, constant);
    test = facts => {
      const observation = facts[fact];
      if (observation === undefined || typeof observation.value !== 'number') {
        return UNKNOWN;
      }
      return holds(observation.value) ? PASS : FAIL;
    };
  } else {
    const equal = operator === 'eq';
    test = facts => {
      const observation = facts[fact];
      if (observation === undefined || typeof observation.value !== kind) {
        return UNKNOWN;
      }
      return (observation.value === constant) === equal ? PASS : FAIL;
    };
  }

  return {
    test,
    explain(facts, clock, negated) {
      const observation = facts[fact];
      if (test(facts, clock) === UNKNOWN) {
        return unknownReason(fact, observation, timestamp ? 'timestamp' : kind);
      }
      return `${fact} is ${formatValue(observation!.value)}${
        expected[negated ? 1 : 0]
      }`;
    },
  };
}

function orderedTest(
  operator: ComparisonOperator,
  constant: number,
): (value: number) => boolean {
  switch (operator) {
    case 'eq':
      return value => value === constant;
    case 'ne':
      return value => value !== constant;
    case 'lt':
      return value => value < constant;
    case 'lte':
      return value => value <= constant;
    case 'gt':
      return value => value > constant;
    case 'gte':
      return value => value >= constant;
    default:
      throw new Error(`unknown operator ${operator}`);
  }
}

function compileExists(fact: string, exists: boolean): CompiledRule {
  return {
    test: facts => ((facts[fact] !== undefined) === exists ? PASS : FAIL),
    explain(facts, _clock, negated) {
      const known = facts[fact] !== undefined;
      const wanted = exists !== negated;
      return `${fact} is ${known ? 'known' : 'not known'}${
        known === wanted ? '' : `; expected it ${wanted ? 'known' : 'unknown'}`
      }`;
    },
  };
}

function formatAge(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (ms < 0) return 'in the future';
  if (hours < 1) return 'less than an hour ago';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function compileYoungerThan(
  fact: string,
  duration: HumanDuration,
): CompiledRule {
  const within = formatDuration(duration);
  // the threshold depends only on now: computed once per clock, not per entity
  let thresholdFor: number | undefined;
  let threshold = 0;
  const thresholdAt = (clock: RuleClock) => {
    if (thresholdFor !== clock.nowMs) {
      thresholdFor = clock.nowMs;
      threshold = subtractDuration(clock.nowMs, duration);
    }
    return threshold;
  };
  const test: CompiledRule['test'] = (facts, clock) => {
    const observation = facts[fact];
    if (observation === undefined || typeof observation.value !== 'string') {
      return UNKNOWN;
    }
    const ms = Date.parse(observation.value);
    if (Number.isNaN(ms)) return UNKNOWN;
    return ms > thresholdAt(clock) ? PASS : FAIL;
  };
  return {
    test,
    explain(facts, clock, negated) {
      const observation = facts[fact];
      if (test(facts, clock) === UNKNOWN) {
        return unknownReason(fact, observation, 'timestamp');
      }
      const value = observation!.value as string;
      return `${fact} is ${value}, ${formatAge(
        clock.nowMs - Date.parse(value),
      )}; expected ${negated ? 'older than' : 'within'} ${within}`;
    },
  };
}

function compileGroup(every: boolean, parts: CompiledRule[]): CompiledRule {
  const count = parts.length;
  // every: fails on the first failure; any: passes on the first pass
  const decisive = every ? FAIL : PASS;
  const otherwise = every ? PASS : FAIL;
  const test: CompiledRule['test'] = (facts, clock) => {
    let unknown = false;
    for (let i = 0; i < count; i++) {
      const status = parts[i].test(facts, clock);
      if (status === decisive) return decisive;
      if (status === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : otherwise;
  };
  return {
    test,
    explain(facts, clock, negated) {
      // under not, all reads as any of the negations, and any as all
      const status = negated ? flip(test(facts, clock)) : test(facts, clock);
      const statuses = parts.map(p =>
        negated ? flip(p.test(facts, clock)) : p.test(facts, clock),
      );
      const reasons = (wanted?: RuleStatus) =>
        parts
          .filter((_, i) => wanted === undefined || statuses[i] === wanted)
          .map(p => p.explain(facts, clock, negated));
      const effectiveEvery = every !== negated;
      if (status === UNKNOWN) return reasons(UNKNOWN).join('; ');
      if (effectiveEvery) {
        return status === PASS
          ? reasons().join('; ')
          : reasons(FAIL).join('; ');
      }
      return status === PASS
        ? reasons(PASS)[0]
        : `none holds: ${reasons().join('; ')}`;
    },
  };
}

/**
 * Compiles a rule into a closure tree.
 *
 * @public
 */
export function compileRule(rule: ScorecardRule): CompiledRule {
  switch (rule.type) {
    case 'compare':
      return compileCompare(
        rule.fact,
        rule.factType,
        rule.operator,
        rule.value,
      );
    case 'exists':
      return compileExists(rule.fact, rule.exists);
    case 'youngerThan':
      return compileYoungerThan(rule.fact, rule.duration);
    case 'all':
      return compileGroup(true, rule.rules.map(compileRule));
    case 'any':
      return compileGroup(false, rule.rules.map(compileRule));
    case 'not': {
      const inner = compileRule(rule.rule);
      return {
        test: (facts, clock) => flip(inner.test(facts, clock)),
        explain: (facts, clock, negated) =>
          inner.explain(facts, clock, !negated),
      };
    }
    default:
      throw new Error(`unknown rule type ${(rule as ScorecardRule).type}`);
  }
}
