/*
 * Property tests over seeded random checks, facts and rules: the compiled
 * rules agree with a plain interpreter of the rule language, and levels and
 * scores keep their definitions whatever the checks.
 */
import { booleanCheck, seededRandom } from '../__testUtils__/checks';
import { subtractDuration } from '@readiness/data-files';
import {
  SCORECARD_CATEGORIES,
  SCORECARD_LEVELS,
  ScorecardCheck,
  ScorecardRule,
} from '../checks/types';
import { EntityFacts, FactType, FactValue } from '../facts/types';
import { compileRule, FAIL, PASS, RuleStatus, UNKNOWN } from './compileRule';
import { compileScorecard, EntityScorecard } from './scorecard';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const RUNS = 500;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const FACTS: Array<[string, FactType]> = [
  ['n.one', 'number'],
  ['n.two', 'number'],
  ['b.one', 'boolean'],
  ['s.one', 'string'],
  ['t.one', 'timestamp'],
];
const STRINGS = ['a', 'b', 'c'];
const DAY = 86_400_000;

function randomValue(random: Random, type: FactType): FactValue {
  switch (type) {
    case 'number':
      return Math.floor(random() * 5);
    case 'boolean':
      return random() < 0.5;
    case 'string':
      return pick(random, STRINGS);
    default:
      return new Date(NOW - Math.floor(random() * 20) * DAY).toISOString();
  }
}

function randomFacts(random: Random): EntityFacts {
  const facts: Record<string, { value: FactValue; observedAt: string }> = {};
  for (const [id, type] of FACTS) {
    const roll = random();
    if (roll < 0.2) continue; // unknown
    const value =
      roll < 0.25
        ? randomValue(random, pick(random, ['number', 'string'] as const))
        : randomValue(random, type);
    facts[id] = { value, observedAt: new Date(NOW).toISOString() };
  }
  return facts;
}

function randomRule(random: Random, depth: number): ScorecardRule {
  const roll = random();
  if (depth > 0 && roll < 0.35) {
    const rules = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      randomRule(random, depth - 1),
    );
    return { type: random() < 0.5 ? 'all' : 'any', rules };
  }
  if (depth > 0 && roll < 0.45) {
    return { type: 'not', rule: randomRule(random, depth - 1) };
  }
  const [fact, type] = pick(random, FACTS);
  if (random() < 0.15) return { type: 'exists', fact, exists: random() < 0.5 };
  if (type === 'timestamp' && random() < 0.5) {
    return {
      type: 'youngerThan',
      fact,
      duration: { days: 1 + Math.floor(random() * 15) },
    };
  }
  const operator =
    type === 'boolean' || type === 'string'
      ? pick(random, ['eq', 'ne'] as const)
      : pick(random, ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const);
  return {
    type: 'compare',
    fact,
    factType: type,
    operator,
    value: randomValue(random, type),
  };
}

/** The rule language read plainly, as its docs state it. */
function interpret(rule: ScorecardRule, facts: EntityFacts): RuleStatus {
  const of = (holds: boolean): RuleStatus => (holds ? PASS : FAIL);
  switch (rule.type) {
    case 'exists':
      return of((facts[rule.fact] !== undefined) === rule.exists);
    case 'not': {
      const inner = interpret(rule.rule, facts);
      if (inner === UNKNOWN) return UNKNOWN;
      return inner === PASS ? FAIL : PASS;
    }
    case 'all': {
      const results = rule.rules.map(r => interpret(r, facts));
      if (results.includes(FAIL)) return FAIL;
      return results.includes(UNKNOWN) ? UNKNOWN : PASS;
    }
    case 'any': {
      const results = rule.rules.map(r => interpret(r, facts));
      if (results.includes(PASS)) return PASS;
      return results.includes(UNKNOWN) ? UNKNOWN : FAIL;
    }
    case 'youngerThan': {
      const value = facts[rule.fact]?.value;
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        return UNKNOWN;
      }
      return of(Date.parse(value) > subtractDuration(NOW, rule.duration));
    }
    default: {
      const value = facts[rule.fact]?.value;
      let actual: unknown = value;
      let wanted: unknown = rule.value;
      if (rule.factType === 'timestamp') {
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
          return UNKNOWN;
        }
        actual = Date.parse(value);
        wanted = Date.parse(rule.value as string);
      } else if (typeof value !== typeof rule.value) {
        return UNKNOWN;
      }
      const a = actual as number;
      const w = wanted as number;
      return of(
        {
          eq: a === w,
          ne: a !== w,
          lt: a < w,
          lte: a <= w,
          gt: a > w,
          gte: a >= w,
        }[rule.operator],
      );
    }
  }
}

describe('compiled rules', () => {
  it('agree with the plain reading of the rule language', () => {
    const random = seededRandom(12);
    for (let i = 0; i < RUNS * 4; i++) {
      const rule = randomRule(random, 3);
      const compiled = compileRule(rule);
      for (let j = 0; j < 5; j++) {
        const facts = randomFacts(random);
        const clock = { nowMs: NOW };
        expect([rule, facts, compiled.test(facts, clock)]).toEqual([
          rule,
          facts,
          interpret(rule, facts),
        ]);
        expect(compiled.explain(facts, clock, false)).not.toEqual('');
      }
    }
  });
});

function randomChecks(random: Random): ScorecardCheck[] {
  return Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) =>
    booleanCheck(`c${i}`, {
      level: pick(random, SCORECARD_LEVELS),
      category: pick(random, SCORECARD_CATEGORIES),
      weight: 1 + Math.floor(random() * 100),
      appliesTo: random() < 0.2 ? { kinds: ['api'] } : {},
    }),
  );
}

function randomOutcomes(random: Random, checks: ScorecardCheck[]): EntityFacts {
  const facts: Record<string, { value: boolean; observedAt: string }> = {};
  for (const check of checks) {
    const roll = random();
    if (roll < 0.1) continue;
    facts[`test.${check.id}`] = {
      value: roll < 0.6,
      observedAt: new Date(NOW).toISOString(),
    };
  }
  return facts;
}

/** The level by its definition, over every level. */
function levelByDefinition(
  checks: ScorecardCheck[],
  card: EntityScorecard,
): string | null {
  const applicable = checks.filter(
    (_, i) => card.outcomes[i].status !== 'not-applicable',
  );
  const passes = (check: ScorecardCheck) =>
    card.outcomes[checks.indexOf(check)].status === 'pass';
  const reached = SCORECARD_LEVELS.filter((level, l) => {
    const own = applicable.filter(c => c.level === level);
    const upTo = applicable.filter(c => SCORECARD_LEVELS.indexOf(c.level) <= l);
    return own.length > 0 && upTo.every(passes);
  });
  return reached.length > 0 ? reached[reached.length - 1] : null;
}

const rank = (level: string | null) =>
  level === null ? -1 : SCORECARD_LEVELS.indexOf(level as never);

/** What a scorecard breaks of the definitions of score, categories and next level. */
function scoreViolations(
  checks: ScorecardCheck[],
  card: EntityScorecard,
): string[] {
  const broken: string[] = [];
  if (card.applicable === 0) {
    if (card.score !== null) broken.push('a score without applicable checks');
    return broken;
  }
  const score = card.score ?? -1;
  if (score < 0 || score > 100) broken.push(`score ${score} out of 0-100`);
  if ((score === 100) !== (card.passed === card.applicable)) {
    broken.push('100 without every check passing, or the other way');
  }
  if (card.passed === 0 && score !== 0) broken.push('no pass, yet a score');
  const categories = Object.values(card.categories);
  for (const field of ['passed', 'failed', 'unknown', 'applicable'] as const) {
    if (categories.reduce((sum, c) => sum + c![field], 0) !== card[field]) {
      broken.push(`categories do not add up to ${field}`);
    }
  }
  if (card.nextLevel !== null) {
    if (rank(card.nextLevel) <= rank(card.level)) {
      broken.push('next level not above the level');
    }
    const hasChecks = checks.some(
      (c, k) =>
        c.level === card.nextLevel &&
        card.outcomes[k].status !== 'not-applicable',
    );
    if (!hasChecks) broken.push('next level without applicable checks');
  }
  return broken;
}

describe('levels and scores', () => {
  const subject = { kind: 'Component', type: 'service' };

  it('keep their definitions', () => {
    const random = seededRandom(7);
    for (let i = 0; i < RUNS; i++) {
      const checks = randomChecks(random);
      const facts = randomOutcomes(random, checks);
      const card = compileScorecard(checks).evaluate(subject, facts, NOW);

      expect(card.level).toBe(levelByDefinition(checks, card));
      expect(scoreViolations(checks, card)).toEqual([]);
    }
  });

  it('never drop when a check comes to pass', () => {
    const random = seededRandom(99);
    for (let i = 0; i < RUNS; i++) {
      const checks = randomChecks(random);
      const scorecard = compileScorecard(checks);
      const facts = randomOutcomes(random, checks);
      const before = scorecard.evaluate(subject, facts, NOW);
      const target = pick(random, checks);
      const after = scorecard.evaluate(
        subject,
        {
          ...facts,
          [`test.${target.id}`]: {
            value: true,
            observedAt: new Date(NOW).toISOString(),
          },
        },
        NOW,
      );
      expect(after.score ?? -1).toBeGreaterThanOrEqual(before.score ?? -1);
      expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
      expect(
        after.categories[target.category]?.score ?? -1,
      ).toBeGreaterThanOrEqual(before.categories[target.category]?.score ?? -1);
    }
  });

  it('do not depend on the order of the checks or the scale of the weights', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < RUNS; i++) {
      const checks = randomChecks(random);
      const facts = randomOutcomes(random, checks);
      const card = compileScorecard(checks).evaluate(subject, facts, NOW);
      const shuffled = [...checks].sort(() => random() - 0.5);
      const scaled = checks.map(c => ({ ...c, weight: c.weight * 3 }));
      for (const other of [shuffled, scaled]) {
        const again = compileScorecard(other).evaluate(subject, facts, NOW);
        expect([again.level, again.score, again.categories]).toEqual([
          card.level,
          card.score,
          card.categories,
        ]);
      }
    }
  });
});
