import {
  ScorecardCategory,
  ScorecardCheck,
  ScorecardLevel,
  ScorecardRule,
} from '../checks/types';
import { EntityFacts, FactValue } from '../facts/types';

/** A check whose rule is `<fact> eq true`, with the fields a test sets. */
export function booleanCheck(
  id: string,
  fields: Partial<Omit<ScorecardCheck, 'id'>> & {
    level?: ScorecardLevel;
    category?: ScorecardCategory;
  } = {},
): ScorecardCheck {
  const rule: ScorecardRule = {
    type: 'compare',
    fact: `test.${id}`,
    factType: 'boolean',
    operator: 'eq',
    value: true,
  };
  return {
    id,
    title: id,
    why: 'Because.',
    howToFix: { text: 'Fix it.', docs: 'scorecards/levels-and-score' },
    category: 'ownership',
    level: 'bronze',
    weight: 1,
    appliesTo: {},
    rule,
    file: `scorecards/checks/${id}.yaml`,
    ...fields,
  };
}

/** Facts observed an hour before 2026-11-20T12:00:00Z. */
export function factsOf(values: Record<string, FactValue>): EntityFacts {
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => [
      id,
      { value, observedAt: '2026-11-20T11:00:00Z' },
    ]),
  );
}

/** A small seeded random source (mulberry32), so property tests repeat. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
