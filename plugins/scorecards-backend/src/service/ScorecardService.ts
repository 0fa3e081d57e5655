import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityScope, inScope } from '@readiness/backend-http-utils';
import {
  CheckOutcome,
  FactDefinition,
  FactValue,
  SCORECARD_CATEGORIES,
  SCORECARD_LEVELS,
  SCORECARD_TITLES,
  ScorecardCategory,
  ScorecardCheck,
  ScorecardFileProblem,
  ScorecardLevel,
  scorecardSubjectOf,
  ScoreSummary,
} from '@readiness/plugin-scorecards-common';
import { DatabaseFactStore } from '../database/DatabaseFactStore';
import {
  DatabaseScorecardStore,
  ScorecardSummary,
  utcDay,
} from '../database/DatabaseScorecardStore';
import { PushedFacts } from './pushedFacts';
import { CheckedFactPush, readFactPush } from './readFactPush';
import { entityKey, ScorecardRecomputer } from './ScorecardRecomputer';
import { LoadedChecks } from './scorecardChecks';

/** The caller of a route, as the router hands it on. */
export type CallOptions = { credentials: BackstageCredentials };

/** A check as the API shows it. */
export type CheckView = {
  id: string;
  title: string;
  category: ScorecardCategory;
  level: ScorecardLevel;
  weight: number;
  why: string;
  howToFix: { text: string; docs: string };
};

/** An applicable check with its outcome for an entity. */
export type CheckResultView = CheckView & {
  status: Exclude<CheckOutcome['status'], 'not-applicable'>;
  reason: string;
};

/** A category's score, as the API shows it. */
export type CategoryScore = ScoreSummary & {
  category: ScorecardCategory;
  title: string;
};

/** An entity's scorecard, as the API shows it. */
export type EntityScorecardView = {
  entityRef: string;
  level: ScorecardLevel | null;
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
  categories: CategoryScore[];
  /** Every applicable check with its outcome, in the order of the checks. */
  checks: CheckResultView[];
  /** The next level and the applicable checks that keep the entity from it. */
  nextLevel: { level: ScorecardLevel; blockedBy: string[] } | null;
  computedAt: string;
};

/** One day of an entity's history. */
export type ScorecardDay = {
  day: string;
  level: ScorecardLevel | null;
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
  categories: CategoryScore[];
  computedAt: string;
};

/** The history of an entity between two UTC days. */
export type ScorecardHistory = {
  entityRef: string;
  from: string;
  to: string;
  days: ScorecardDay[];
};

/** The loaded checks, and the problems of the files for callers who may see them. */
export type CheckList = {
  checks: CheckView[];
  problems?: ScorecardFileProblem[];
};

/** A push of facts, as the API answers it. */
export type FactPushView = {
  /** false: the push was stored before under its key, and nothing was written. */
  created: boolean;
  push: {
    idempotencyKey: string;
    entityRef: string;
    facts: Record<string, FactValue>;
    observedAt: string;
    pushedBy: string;
    pushedAt: string;
  };
  /**
   * The entity's scorecard, scored again with the pushed facts; null when
   * no check may apply to the entity.
   */
  scorecard: {
    level: ScorecardLevel | null;
    score: number | null;
    nextLevel: ScorecardLevel | null;
    computedAt: string;
  } | null;
};

/** What a push may reach, and who makes it. */
export type PushAccess = { scope: EntityScope; pushedBy: string };

/** What the scorecards routes ask for, on behalf of a caller. */
export interface ScorecardService {
  getScorecard(
    entityRef: string,
    options: CallOptions,
  ): Promise<EntityScorecardView>;
  getHistory(
    entityRef: string,
    range: { from?: string; to?: string },
    options: CallOptions,
  ): Promise<ScorecardHistory>;
  listChecks(options: CallOptions): Promise<CheckList>;
  /** Settles whether the caller may push facts at all, before a body is read. */
  authorizePush(options: CallOptions): Promise<void>;
  pushFacts(body: unknown, options: CallOptions): Promise<FactPushView>;
}

/** The "not found" of an entity: the same words whether absent or out of reach. */
export function entityNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`No entity ${entityRef}`);
}

const DAY_MS = 86_400_000;
/** Days of history a request gets when it does not say from when. */
export const DEFAULT_HISTORY_DAYS = 30;
/** Days of history one request may ask for. */
export const MAX_HISTORY_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readDay(value: string | undefined, field: string) {
  if (value === undefined) return undefined;
  if (!DAY.test(value) || utcDay(`${value}T00:00:00Z`) !== value) {
    throw new InputError(`${field}: expected a day such as 2026-12-01`);
  }
  return value;
}

function viewOf(check: ScorecardCheck): CheckView {
  return {
    id: check.id,
    title: check.title,
    category: check.category,
    level: check.level,
    weight: check.weight,
    why: check.why,
    howToFix: { text: check.howToFix.text, docs: check.howToFix.docs },
  };
}

function categoriesOf(summary: ScorecardSummary): CategoryScore[] {
  return SCORECARD_CATEGORIES.flatMap(category => {
    const score = summary.categories[category];
    return score
      ? [{ category, title: SCORECARD_TITLES[category], ...score }]
      : [];
  });
}

/**
 * Entities' scorecards, their history and the checks, within the scope each
 * call is given: the scope is a required argument, and an entity outside it
 * is answered as absent.
 */
export class ScopedScorecardService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      facts: DatabaseFactStore;
      results: DatabaseScorecardStore;
      checks: LoadedChecks;
      /** The facts CI may push. */
      pushedFacts: PushedFacts;
      /** The facts the portal computes, by id. */
      computedFacts: ReadonlyMap<string, FactDefinition>;
      /** Scores an entity again once facts were pushed. */
      recomputer: Pick<ScorecardRecomputer, 'rescoreEntities'>;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** Entities are read with the plugin's credentials: callers were authorized before. */
  private async entityInScope(
    entityRef: string,
    scope: EntityScope,
  ): Promise<Entity> {
    const entity = inScope(scope, entityRef)
      ? await this.deps.catalog.getEntityByRef(entityRef, {
          credentials: await this.deps.auth.getOwnServiceCredentials(),
        })
      : undefined;
    if (!entity) throw entityNotFound(entityRef);
    return entity;
  }

  /**
   * The stored result when it was computed with the loaded checks;
   * otherwise the stored facts scored now with them, without storing
   * anything (the next recompute does).
   */
  async getScorecard(
    entityRef: string,
    scope: EntityScope,
  ): Promise<EntityScorecardView> {
    const entity = await this.entityInScope(entityRef, scope);
    const ref = entityKey(entity);
    const { checks } = this.deps;
    const stored = await this.deps.results.getResult(ref);
    let card;
    if (stored && stored.checksDigest === checks.digest) {
      card = stored;
    } else {
      const now = this.now().toISOString();
      const facts = await this.deps.facts.currentFacts([ref]);
      const scored = checks.compiled.evaluate(
        scorecardSubjectOf(entity),
        facts.get(ref) ?? {},
        now,
      );
      card = {
        level: scored.level,
        nextLevel: scored.nextLevel,
        summary: {
          score: scored.score,
          passed: scored.passed,
          failed: scored.failed,
          unknown: scored.unknown,
          applicable: scored.applicable,
          categories: scored.categories,
        },
        outcomes: scored.outcomes,
        computedAt: now,
      };
    }
    const applicable = card.outcomes.flatMap((outcome): CheckResultView[] => {
      const check = checks.byId.get(outcome.checkId);
      if (!check || outcome.status === 'not-applicable') return [];
      return [
        { ...viewOf(check), status: outcome.status, reason: outcome.reason },
      ];
    });
    const next = card.nextLevel;
    const nextIndex = next ? SCORECARD_LEVELS.indexOf(next) : -1;
    return {
      entityRef: ref,
      level: card.level,
      score: card.summary.score,
      passed: card.summary.passed,
      failed: card.summary.failed,
      unknown: card.summary.unknown,
      applicable: card.summary.applicable,
      categories: categoriesOf(card.summary),
      checks: applicable,
      nextLevel: next
        ? {
            level: next,
            blockedBy: applicable
              .filter(
                c =>
                  c.status !== 'pass' &&
                  SCORECARD_LEVELS.indexOf(c.level) <= nextIndex,
              )
              .map(c => c.id),
          }
        : null,
      computedAt: card.computedAt,
    };
  }

  /**
   * The daily snapshots of an entity from one UTC day to another (both
   * included); the last 30 days up to today when not given.
   */
  async getHistory(
    entityRef: string,
    range: { from?: string; to?: string },
    scope: EntityScope,
  ): Promise<ScorecardHistory> {
    const to = readDay(range.to, 'to') ?? utcDay(this.now());
    const from =
      readDay(range.from, 'from') ??
      utcDay(
        new Date(
          Date.parse(`${to}T00:00:00Z`) - (DEFAULT_HISTORY_DAYS - 1) * DAY_MS,
        ),
      );
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1) throw new InputError('from: must not be after to');
    if (days > MAX_HISTORY_DAYS) {
      throw new InputError(
        `from: at most ${MAX_HISTORY_DAYS} days of history are answered at once`,
      );
    }
    const entity = await this.entityInScope(entityRef, scope);
    const ref = entityKey(entity);
    const snapshots = await this.deps.results.history(ref, { from, to });
    return {
      entityRef: ref,
      from,
      to,
      days: snapshots.map(s => ({
        day: s.day,
        level: s.level,
        score: s.summary.score,
        passed: s.summary.passed,
        failed: s.summary.failed,
        unknown: s.summary.unknown,
        applicable: s.summary.applicable,
        categories: categoriesOf(s.summary),
        computedAt: s.computedAt,
      })),
    };
  }

  /**
   * The loaded checks; with the problems of the check files and of the
   * declarations of pushed facts when asked.
   */
  listChecks(options: { withProblems: boolean }): CheckList {
    const { checks, pushedFacts } = this.deps;
    return {
      checks: checks.checks.map(viewOf),
      ...(options.withProblems && {
        problems: [...pushedFacts.problems, ...checks.problems],
      }),
    };
  }

  /** Checks a push's fields against the declarations (400s naming them). */
  checkPush(body: unknown): CheckedFactPush {
    return readFactPush(body, {
      pushed: this.deps.pushedFacts.byId,
      computed: this.deps.computedFacts,
      now: this.now(),
    });
  }

  /** The subjects of the service tokens that may push a declared fact. */
  pushersOf(factId: string): readonly string[] {
    return this.deps.pushedFacts.byId.get(factId)?.pushedBy ?? [];
  }

  /**
   * Stores a checked push for its entity (absent or out of scope: its
   * "not found") and scores the entity again at once. A retry of a stored
   * push writes nothing, and scores again only when the first attempt's
   * scoring was lost.
   */
  async pushFacts(
    push: CheckedFactPush,
    access: PushAccess,
  ): Promise<FactPushView> {
    const entity = await this.entityInScope(push.entityRef, access.scope);
    const ref = entityKey(entity);
    const stored = await this.deps.facts.recordPush({
      ...push,
      entityRef: ref,
      pushedBy: access.pushedBy,
    });
    let result = await this.deps.results.getResult(ref);
    if (
      stored.created ||
      !result ||
      Date.parse(result.computedAt) < Date.parse(stored.push.pushedAt)
    ) {
      const [rescored] = await this.deps.recomputer.rescoreEntities([ref]);
      result = rescored ?? result;
    }
    const { id: _id, ...pushed } = stored.push;
    return {
      created: stored.created,
      push: pushed,
      scorecard: result
        ? {
            level: result.level,
            score: result.summary.score,
            nextLevel: result.nextLevel,
            computedAt: result.computedAt,
          }
        : null,
    };
  }
}
