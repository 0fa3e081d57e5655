/*
 * How the scorecard cards write times, days and the facts a check read. The
 * backend sends ISO 8601 UTC strings; times are shown in the reader's locale
 * and time zone, history days (UTC days) as the day they are.
 */
import {
  FactDefinition,
  PUSHED_FACT_PROVIDER,
  READINESS_FACTS,
  SCORECARD_TITLES,
  ScorecardLevel,
} from '@readiness/plugin-scorecards-common';
import { plural } from '@readiness/portal-react';
import { ScorecardRecord } from '../api';

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A UTC day (`2026-12-06`, or its midnight in epoch ms), e.g. `Dec 6, 2026`. */
export function formatDay(day: string | number): string {
  const time = typeof day === 'number' ? day : Date.parse(`${day}T00:00:00Z`);
  return new Date(time).toLocaleDateString(undefined, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/** A level's name, or `No level`. */
export function levelTitle(level: ScorecardLevel | null): string {
  return level ? SCORECARD_TITLES[level] : 'No level';
}

const FACTS_BY_ID = new Map(READINESS_FACTS.map(fact => [fact.id, fact]));

/** Fact ids as the catalogue writes them: `reliability.slos-met`, `ci.coverage.line`. */
const FACT_ID_IN_TEXT =
  /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+\b/g;

/** A fact a check's reason names: its definition when the catalogue has it. */
export type NamedFact = { id: string; definition?: FactDefinition };

/**
 * The facts a check's reason names, in the order it names them: the facts
 * the portal's families provide and those CI pushes (`ci.…`). Reasons name
 * every fact the rule read (`api-portal.lint-errors is 3; expected 0`).
 */
export function factsNamedIn(reason: string): NamedFact[] {
  const ids = new Set<string>();
  for (const match of reason.matchAll(FACT_ID_IN_TEXT)) {
    const id = match[0];
    if (FACTS_BY_ID.has(id) || id.startsWith(`${PUSHED_FACT_PROVIDER}.`)) {
      ids.add(id);
    }
  }
  return [...ids].map(id => ({ id, definition: FACTS_BY_ID.get(id) }));
}

/** Who provides a fact, in words. */
export function providerOf(fact: NamedFact): string {
  const provider = fact.definition?.provider ?? fact.id.split('.')[0];
  if (provider === PUSHED_FACT_PROVIDER) return 'pushed by CI';
  if (provider === 'catalog') return 'read from the catalog';
  return `provided by ${provider}`;
}

/**
 * What keeps the entity from its next level, e.g. `3 checks from Silver`;
 * at the top, what was reached.
 */
export function nextLevelText(scorecard: ScorecardRecord): string {
  const { level, nextLevel } = scorecard;
  if (nextLevel) {
    return `${plural(nextLevel.blockedBy.length, 'check')} from ${
      SCORECARD_TITLES[nextLevel.level]
    }`;
  }
  if (level === 'gold') return 'Gold: the top level';
  if (level) {
    return `${SCORECARD_TITLES[level]}: no check of a higher level applies`;
  }
  return 'No level has a check that applies';
}

/** Whether the backend knows none of the facts the entity's checks read. */
export function isNotScoredYet(scorecard: ScorecardRecord): boolean {
  return scorecard.applicable > 0 && scorecard.passed + scorecard.failed === 0;
}
