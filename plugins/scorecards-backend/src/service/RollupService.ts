/*
 * Rollups of scorecards by owner group, system and domain, and the team
 * rituals of the ritual page. A group's entities are the scored entities it
 * owns (read from the results by owner, one query); a system's are the
 * entities whose spec.system names it and the system itself; a domain's are
 * its systems and their entities. Every read is a few queries however many
 * entities a team has: results, then a trend read per 500 entities.
 *
 * "What changed since the last ritual" scores each entity again from its
 * facts as they were known when the ritual was held (the fact history),
 * with the checks loaded now, and compares that with its current result.
 */
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityScope, inScope } from '@readiness/backend-http-utils';
import {
  CheckOutcome,
  SCORECARD_LEVELS,
  ScorecardCategory,
  ScorecardLevel,
  scorecardSubjectOf,
} from '@readiness/plugin-scorecards-common';
import { DatabaseFactStore } from '../database/DatabaseFactStore';
import {
  DatabaseRitualStore,
  TeamRitual,
} from '../database/DatabaseRitualStore';
import {
  DatabaseScorecardStore,
  ScorecardResult,
  TrendPoint,
  utcDay,
} from '../database/DatabaseScorecardStore';
import { LoadedChecks } from './scorecardChecks';
import { CallOptions, entityNotFound } from './ScorecardService';

/** What a rollup gathers: a team, a system or a domain. */
export type RollupKind = 'group' | 'system' | 'domain';

/** An entity of a rollup, as the ritual page lists it. */
export type RollupEntity = {
  entityRef: string;
  level: ScorecardLevel | null;
  score: number | null;
  nextLevel: ScorecardLevel | null;
  /** The applicable checks that keep the entity from its next level. */
  blockedBy: string[];
  /** Applicable checks that do not pass (failing or unknown). */
  failing: number;
  applicable: number;
  computedAt: string;
  /** The day-by-day score of the trend's days, oldest first. */
  trend: TrendPoint[];
};

/** A check that does not pass on some entities of a rollup. */
export type RankedCheck = {
  id: string;
  title: string;
  category: ScorecardCategory;
  level: ScorecardLevel;
  why: string;
  howToFix: { text: string; docs: string };
  /** The entities whose next level the check blocks. */
  blocking: number;
  /** The entities it applies to and does not pass on. */
  failing: number;
  /** The refs of the entities it blocks. */
  blockedEntityRefs: string[];
};

/** The rollup of a team, system or domain. */
export type Rollup = {
  subject: { entityRef: string; kind: RollupKind; title?: string };
  /** Entities that need attention first: lowest score first. */
  entities: RollupEntity[];
  levels: Record<ScorecardLevel | 'none', number>;
  /** The mean score of the entities with one, rounded; null when none has. */
  averageScore: number | null;
  /** Checks that do not pass, those blocking most entities first. */
  failingChecks: RankedCheck[];
  trend: { from: string; to: string };
};

/** A group's rollup in a teams index. */
export type TeamSummary = {
  groupRef: string;
  title?: string;
  entities: number;
  levels: Record<ScorecardLevel | 'none', number>;
  averageScore: number | null;
};

/** A check whose outcome changed, by its id and title. */
export type ChangedCheck = { id: string; title: string };

/** An entity whose scorecard changed since the ritual. */
export type EntityChange = {
  entityRef: string;
  /** As scored from the facts known at the ritual; null: nothing was known then. */
  then: { level: ScorecardLevel | null; score: number | null } | null;
  now: { level: ScorecardLevel | null; score: number | null };
  /** Checks that passed then (or did not apply) and do not pass now. */
  started: ChangedCheck[];
  /** Checks that did not pass then and pass now. */
  stopped: ChangedCheck[];
};

/** What changed since a team's last ritual. */
export type RitualChanges = {
  /** The ritual compared with; null when the team has not held one. */
  since: TeamRitual | null;
  changed: EntityChange[];
  /** Entities whose level, score and checks are as they were. */
  unchanged: number;
};

/** A page of a team's rituals. */
export type RitualPage = { items: TeamRitual[]; nextCursor?: string };

/** A ritual marked held, and whether this call recorded it. */
export type MarkedRitual = { created: boolean; ritual: TeamRitual };

/** What a request to mark a ritual held carries, checked. */
export type RitualInput = { day: string; note?: string };

/** What the rollup routes ask for, on behalf of a caller. */
export interface RollupService {
  listTeams(options: CallOptions): Promise<{ teams: TeamSummary[] }>;
  getRollup(
    kind: RollupKind,
    entityRef: string,
    options: CallOptions,
  ): Promise<Rollup & { mayMarkRitual?: boolean }>;
  getRitualChanges(
    groupRef: string,
    options: CallOptions,
  ): Promise<RitualChanges>;
  listRituals(
    groupRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<RitualPage>;
  /** Settles whether the caller may mark rituals at all, before a body is read. */
  authorizeRitual(options: CallOptions): Promise<void>;
  markRitual(
    groupRef: string,
    body: unknown,
    options: CallOptions,
  ): Promise<MarkedRitual>;
}

const DAY_MS = 86_400_000;
/** Days of trend each entity of a rollup carries. */
export const TREND_DAYS = 30;
/** How far back a ritual may be recorded. */
export const MAX_RITUAL_AGE_DAYS = 366;
/** The longest note a ritual keeps. */
export const MAX_RITUAL_NOTE = 2000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RITUAL_FIELDS = new Set(['day', 'note']);

const notPassing = (status: CheckOutcome['status'] | undefined) =>
  status === 'fail' || status === 'unknown';

function emptyLevels(): Record<ScorecardLevel | 'none', number> {
  return { gold: 0, silver: 0, bronze: 0, none: 0 };
}

function averageOf(scores: Array<number | null>): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0
    ? null
    : Math.round(known.reduce((a, b) => a + b, 0) / known.length);
}

/** The title a catalog entity shows: its profile's or metadata's, if any. */
function titleOf(entity: Entity): string | undefined {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  const title = profile.displayName ?? entity.metadata.title;
  return typeof title === 'string' && title ? title : undefined;
}

/** Reads a ritual's body: 400s naming the field. */
export function readRitualInput(body: unknown, now: Date): RitualInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('request body: expected an object');
  }
  for (const field of Object.keys(body)) {
    if (!RITUAL_FIELDS.has(field)) {
      throw new InputError(`${field}: not a field of a ritual (day, note)`);
    }
  }
  const { day, note } = body as { day?: unknown; note?: unknown };
  const today = utcDay(now);
  let held = today;
  if (day !== undefined) {
    if (
      typeof day !== 'string' ||
      !DAY.test(day) ||
      Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
      utcDay(`${day}T00:00:00Z`) !== day
    ) {
      throw new InputError('day: expected a day such as 2026-12-08');
    }
    if (day > today) throw new InputError('day: must not be in the future');
    const age = (Date.parse(today) - Date.parse(day)) / DAY_MS;
    if (age > MAX_RITUAL_AGE_DAYS) {
      throw new InputError(
        `day: at most ${MAX_RITUAL_AGE_DAYS} days ago can be recorded`,
      );
    }
    held = day;
  }
  if (note !== undefined && note !== null) {
    if (typeof note !== 'string') {
      throw new InputError('note: expected text');
    }
    if (note.length > MAX_RITUAL_NOTE) {
      throw new InputError(
        `note: at most ${MAX_RITUAL_NOTE} characters, not ${note.length}`,
      );
    }
  }
  const trimmed = typeof note === 'string' ? note.trim() : '';
  return { day: held, ...(trimmed && { note: trimmed }) };
}

/**
 * Rollups, ritual changes and rituals within the scope each call is given:
 * the scope is a required argument, and entities outside it are left out.
 * The subject (group, system, domain) is checked by the caller's wrapper.
 */
export class ScopedRollupService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      facts: DatabaseFactStore;
      results: DatabaseScorecardStore;
      rituals: DatabaseRitualStore;
      checks: LoadedChecks;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private async ownCredentials(): Promise<BackstageCredentials> {
    return this.deps.auth.getOwnServiceCredentials();
  }

  /** The group, system or domain of a path; its "not found" otherwise. */
  async subjectOf(kind: RollupKind, entityRef: string): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.ownCredentials(),
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== kind) {
      throw entityNotFound(entityRef);
    }
    return entity;
  }

  /**
   * The entities whose spec field (system or domain) names one of the
   * parents, among the kinds given, as lower-case refs.
   */
  private async childrenOf(
    field: 'system' | 'domain',
    parents: readonly string[],
    kinds?: string[],
  ): Promise<string[]> {
    if (parents.length === 0) return [];
    const wanted = new Set(parents);
    const names = new Set<string>();
    for (const parent of parents) {
      const { namespace, name } = parseEntityRef(parent);
      names.add(name);
      names.add(`${namespace}/${name}`);
      names.add(parent);
    }
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          ...(kinds && { kind: kinds }),
          [`spec.${field}`]: [...names],
        },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          `spec.${field}`,
        ],
      },
      { credentials: await this.ownCredentials() },
    );
    // a bare name is relative to the child's own namespace
    return items.flatMap(child => {
      const value = child.spec?.[field];
      if (typeof value !== 'string') return [];
      try {
        const target = stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: field,
            defaultNamespace: child.metadata.namespace ?? 'default',
          }),
        ).toLocaleLowerCase('en-US');
        return wanted.has(target)
          ? [stringifyEntityRef(child).toLocaleLowerCase('en-US')]
          : [];
      } catch {
        return [];
      }
    });
  }

  /** The current results of a subject's entities. */
  async memberResults(
    kind: RollupKind,
    subjectRef: string,
  ): Promise<ScorecardResult[]> {
    if (kind === 'group') return this.deps.results.resultsOwnedBy(subjectRef);
    const systems =
      kind === 'system'
        ? [subjectRef]
        : await this.childrenOf('domain', [subjectRef], ['System']);
    const members = await this.childrenOf('system', systems);
    return this.deps.results.resultsOf([...systems, ...members]);
  }

  /** The refs of a subject's entities, for deciding a caller's scope on them. */
  async memberRefs(kind: RollupKind, subjectRef: string): Promise<string[]> {
    return (await this.memberResults(kind, subjectRef)).map(r => r.entityRef);
  }

  /** A team's, system's or domain's entities with their levels, trends and failing checks. */
  async getRollup(
    kind: RollupKind,
    subjectRef: string,
    scope: EntityScope,
  ): Promise<Rollup> {
    const subject = await this.subjectOf(kind, subjectRef);
    const results = (await this.memberResults(kind, subjectRef)).filter(r =>
      inScope(scope, r.entityRef),
    );
    const to = utcDay(this.now());
    const from = utcDay(
      new Date(Date.parse(`${to}T00:00:00Z`) - (TREND_DAYS - 1) * DAY_MS),
    );
    const trends = await this.deps.results.trends(
      results.map(r => r.entityRef),
      { from, to },
    );
    const { byId } = this.deps.checks;
    const levels = emptyLevels();
    const ranked = new Map<string, RankedCheck>();
    const entities = results.map((result): RollupEntity => {
      levels[result.level ?? 'none'] += 1;
      const nextIndex = result.nextLevel
        ? SCORECARD_LEVELS.indexOf(result.nextLevel)
        : -1;
      const blockedBy: string[] = [];
      let failing = 0;
      let applicable = 0;
      for (const outcome of result.outcomes) {
        const check = byId.get(outcome.checkId);
        if (!check || outcome.status === 'not-applicable') continue;
        applicable += 1;
        if (!notPassing(outcome.status)) continue;
        failing += 1;
        let rank = ranked.get(check.id);
        if (!rank) {
          rank = {
            id: check.id,
            title: check.title,
            category: check.category,
            level: check.level,
            why: check.why,
            howToFix: { text: check.howToFix.text, docs: check.howToFix.docs },
            blocking: 0,
            failing: 0,
            blockedEntityRefs: [],
          };
          ranked.set(check.id, rank);
        }
        rank.failing += 1;
        if (SCORECARD_LEVELS.indexOf(check.level) <= nextIndex) {
          blockedBy.push(check.id);
          rank.blocking += 1;
          rank.blockedEntityRefs.push(result.entityRef);
        }
      }
      return {
        entityRef: result.entityRef,
        level: result.level,
        score: result.summary.score,
        nextLevel: result.nextLevel,
        blockedBy,
        failing,
        applicable,
        computedAt: result.computedAt,
        trend: trends.get(result.entityRef) ?? [],
      };
    });
    const order = new Map(this.deps.checks.checks.map((c, i) => [c.id, i]));
    return {
      subject: {
        entityRef: subjectRef,
        kind,
        ...(titleOf(subject) && { title: titleOf(subject) }),
      },
      entities: entities.sort(
        (a, b) =>
          (a.score ?? -1) - (b.score ?? -1) ||
          a.entityRef.localeCompare(b.entityRef),
      ),
      levels,
      averageScore: averageOf(entities.map(e => e.score)),
      failingChecks: [...ranked.values()].sort(
        (a, b) =>
          b.blocking - a.blocking ||
          b.failing - a.failing ||
          (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
      ),
      trend: { from, to },
    };
  }

  /** Every scored entity's ref with an owner, for deciding a caller's scope. */
  async ownedRefs(): Promise<string[]> {
    return (await this.deps.results.ownedStandings()).map(s => s.entityRef);
  }

  /** The groups that own scored entities, each with its counts. */
  async listTeams(scope: EntityScope): Promise<{ teams: TeamSummary[] }> {
    const byGroup = new Map<
      string,
      Array<{ level: ScorecardLevel | null; score: number | null }>
    >();
    for (const standing of await this.deps.results.ownedStandings()) {
      const owner = standing.ownerRef;
      if (!owner?.startsWith('group:') || !inScope(scope, standing.entityRef)) {
        continue;
      }
      const list = byGroup.get(owner) ?? [];
      list.push(standing);
      byGroup.set(owner, list);
    }
    const groupRefs = [...byGroup.keys()].sort();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: groupRefs,
        fields: ['kind', 'metadata', 'spec.profile'],
      },
      { credentials: await this.ownCredentials() },
    );
    return {
      teams: groupRefs.map((groupRef, i) => {
        const standings = byGroup.get(groupRef)!;
        const levels = emptyLevels();
        for (const s of standings) levels[s.level ?? 'none'] += 1;
        const group = items[i];
        const title = group && titleOf(group);
        return {
          groupRef,
          ...(title && { title }),
          entities: standings.length,
          levels,
          averageScore: averageOf(standings.map(s => s.score)),
        };
      }),
    };
  }

  /** What changed on a team's entities since its last ritual. */
  async getRitualChanges(
    groupRef: string,
    scope: EntityScope,
  ): Promise<RitualChanges> {
    await this.subjectOf('group', groupRef);
    const since = (await this.deps.rituals.lastRitual(groupRef)) ?? null;
    const results = (await this.deps.results.resultsOwnedBy(groupRef)).filter(
      r => inScope(scope, r.entityRef),
    );
    if (!since || results.length === 0) {
      return { since, changed: [], unchanged: results.length };
    }
    const refs = results.map(r => r.entityRef);
    const [{ items }, factsThen] = await Promise.all([
      this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials: await this.ownCredentials() },
      ),
      this.deps.facts.factsAt(refs, since.heldAt),
    ]);
    const { compiled, byId } = this.deps.checks;
    const titled = (id: string): ChangedCheck => ({
      id,
      title: byId.get(id)?.title ?? id,
    });
    const changed: EntityChange[] = [];
    results.forEach((result, i) => {
      const entity = items[i];
      const now = { level: result.level, score: result.summary.score };
      const facts = factsThen.get(result.entityRef);
      if (!entity) return;
      if (!facts) {
        changed.push({
          entityRef: result.entityRef,
          then: null,
          now,
          started: [],
          stopped: [],
        });
        return;
      }
      const scored = compiled.evaluate(
        scorecardSubjectOf(entity),
        facts,
        since.heldAt,
      );
      const before = new Map(scored.outcomes.map(o => [o.checkId, o.status]));
      const started: ChangedCheck[] = [];
      const stopped: ChangedCheck[] = [];
      for (const outcome of result.outcomes) {
        if (!byId.has(outcome.checkId)) continue;
        const was = notPassing(before.get(outcome.checkId));
        const is = notPassing(outcome.status);
        if (is && !was) started.push(titled(outcome.checkId));
        if (!is && was && outcome.status === 'pass') {
          stopped.push(titled(outcome.checkId));
        }
      }
      const then = { level: scored.level, score: scored.score };
      if (
        then.level !== now.level ||
        then.score !== now.score ||
        started.length > 0 ||
        stopped.length > 0
      ) {
        changed.push({
          entityRef: result.entityRef,
          then,
          now,
          started,
          stopped,
        });
      }
    });
    return { since, changed, unchanged: results.length - changed.length };
  }

  /** A team's rituals, most recent first. */
  async listRituals(
    groupRef: string,
    page: { cursor?: string; limit?: number },
  ): Promise<RitualPage> {
    await this.subjectOf('group', groupRef);
    return this.deps.rituals.listRituals(groupRef, page);
  }

  /** Checks a ritual's body (400s naming the field). */
  checkRitual(body: unknown): RitualInput {
    return readRitualInput(body, this.now());
  }

  /**
   * Records a team's ritual for its day, held now when the day is today and
   * at the end of a past day otherwise; a day already recorded answers the
   * first record.
   */
  async markRitual(
    groupRef: string,
    input: RitualInput,
    heldBy: string,
  ): Promise<MarkedRitual> {
    await this.subjectOf('group', groupRef);
    const now = this.now();
    const heldAt =
      input.day === utcDay(now)
        ? now.toISOString()
        : new Date(
            Date.parse(`${input.day}T00:00:00Z`) + DAY_MS - 1,
          ).toISOString();
    return this.deps.rituals.recordRitual({
      groupRef,
      day: input.day,
      heldAt,
      ...(input.note && { note: input.note }),
      heldBy,
    });
  }
}
