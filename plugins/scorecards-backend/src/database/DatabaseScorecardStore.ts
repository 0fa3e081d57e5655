import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CheckOutcome,
  EntityScorecard,
  ScorecardLevel,
  ScoreSummary,
} from '@readiness/plugin-scorecards-common';
import {
  isoTime,
  migratedClient,
  retryTransient,
} from '@readiness/store-utils';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-scorecards-backend',
  'migrations',
);

/** Rows per statement: well inside SQLite's and PostgreSQL's bind limits. */
const CHUNK = 200;
/** Entity refs per read: one bind each. */
const READ_CHUNK = 500;

type Time = Date | string | number;

/** The counts and category scores of a scorecard, as one JSON column. */
export type ScorecardSummary = ScoreSummary & {
  categories: EntityScorecard['categories'];
};

/** An entity's scorecard as computed by a recompute. */
export type ScorecardResult = {
  /** Lower-case entity ref. */
  entityRef: string;
  /** Lower-case ref of the owner, when the entity has one. */
  ownerRef?: string;
  level: ScorecardLevel | null;
  nextLevel: ScorecardLevel | null;
  summary: ScorecardSummary;
  outcomes: CheckOutcome[];
  /** The digest of the checks the result was computed with. */
  checksDigest: string;
  /** ISO 8601 instant. */
  computedAt: string;
};

/** An entity's scorecard as of the last recompute of one UTC day. */
export type ScorecardSnapshot = {
  entityRef: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  ownerRef?: string;
  level: ScorecardLevel | null;
  summary: ScorecardSummary;
  checksDigest: string;
  computedAt: string;
};

type ResultRow = {
  entity_ref: string;
  owner_ref: string | null;
  level: string | null;
  next_level: string | null;
  score: number | null;
  summary: string;
  outcomes: string;
  checks_digest: string;
  computed_at: Time;
};

type SnapshotRow = {
  entity_ref: string;
  day: string;
  owner_ref: string | null;
  level: string | null;
  score: number | null;
  summary: string;
  checks_digest: string;
  computed_at: Time;
};

function chunks<T>(items: readonly T[], size: number = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** One day of an entity's score, as a trend line draws it. */
export type TrendPoint = {
  day: string;
  level: ScorecardLevel | null;
  score: number | null;
};

/** Where an entity stands now, without its outcomes: what a teams index adds up. */
export type ResultStanding = {
  entityRef: string;
  ownerRef?: string;
  level: ScorecardLevel | null;
  score: number | null;
};

/** The UTC day of an instant, YYYY-MM-DD. */
export function utcDay(instant: string | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function toResult(row: ResultRow): ScorecardResult {
  return {
    entityRef: row.entity_ref,
    ...(row.owner_ref && { ownerRef: row.owner_ref }),
    level: row.level as ScorecardLevel | null,
    nextLevel: row.next_level as ScorecardLevel | null,
    summary: JSON.parse(row.summary),
    outcomes: JSON.parse(row.outcomes),
    checksDigest: row.checks_digest,
    computedAt: isoTime(row.computed_at),
  };
}

function toSnapshot(row: SnapshotRow): ScorecardSnapshot {
  return {
    entityRef: row.entity_ref,
    day: row.day,
    ...(row.owner_ref && { ownerRef: row.owner_ref }),
    level: row.level as ScorecardLevel | null,
    summary: JSON.parse(row.summary),
    checksDigest: row.checks_digest,
    computedAt: isoTime(row.computed_at),
  };
}

/**
 * The scorecards computed from the facts: the current one of each entity and
 * one per entity per UTC day. A result only replaces one computed at the same
 * time or earlier, so a slow recompute finishing late never rewrites a newer
 * one; the day's snapshot is the day's newest result.
 */
export class DatabaseScorecardStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseScorecardStore> {
    return new DatabaseScorecardStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  /** Stores results as the entities' current ones and as their day's snapshot. */
  async saveResults(results: readonly ScorecardResult[]): Promise<void> {
    if (results.length === 0) return;
    // the newest result of each entity, should a batch name one twice
    const newest = new Map<string, ScorecardResult>();
    for (const result of results) {
      const before = newest.get(result.entityRef);
      if (
        !before ||
        Date.parse(before.computedAt) <= Date.parse(result.computedAt)
      ) {
        newest.set(result.entityRef, result);
      }
    }
    const rows = [...newest.values()].map(result => {
      const computedAt = new Date(result.computedAt);
      return {
        result: {
          entity_ref: result.entityRef,
          owner_ref: result.ownerRef ?? null,
          level: result.level,
          next_level: result.nextLevel,
          score: result.summary.score,
          summary: JSON.stringify(result.summary),
          outcomes: JSON.stringify(result.outcomes),
          checks_digest: result.checksDigest,
          computed_at: computedAt,
        },
        snapshot: {
          entity_ref: result.entityRef,
          day: utcDay(result.computedAt),
          owner_ref: result.ownerRef ?? null,
          level: result.level,
          score: result.summary.score,
          summary: JSON.stringify(result.summary),
          checks_digest: result.checksDigest,
          computed_at: computedAt,
        },
      };
    });
    // upserts only: safe to repeat after a lost commit
    await retryTransient(() =>
      this.db.transaction(async tx => {
        for (const part of chunks(rows)) {
          await tx('scorecards_results')
            .insert(part.map(r => r.result))
            .onConflict('entity_ref')
            .merge([
              'owner_ref',
              'level',
              'next_level',
              'score',
              'summary',
              'outcomes',
              'checks_digest',
              'computed_at',
            ])
            .where(
              'scorecards_results.computed_at',
              '<=',
              tx.raw('excluded.computed_at'),
            );
          await tx('scorecards_daily_snapshots')
            .insert(part.map(r => r.snapshot))
            .onConflict(['entity_ref', 'day'])
            .merge([
              'owner_ref',
              'level',
              'score',
              'summary',
              'checks_digest',
              'computed_at',
            ])
            .where(
              'scorecards_daily_snapshots.computed_at',
              '<=',
              tx.raw('excluded.computed_at'),
            );
        }
      }),
    );
  }

  /** The current result of an entity, if it was ever scored. */
  async getResult(entityRef: string): Promise<ScorecardResult | undefined> {
    const row: ResultRow | undefined = await this.db('scorecards_results')
      .where('entity_ref', entityRef)
      .first();
    return row && toResult(row);
  }

  /** The current results of the entities a group owns, by entity ref. */
  async resultsOwnedBy(ownerRef: string): Promise<ScorecardResult[]> {
    const rows: ResultRow[] = await this.db('scorecards_results')
      .where('owner_ref', ownerRef)
      .orderBy('entity_ref', 'asc');
    return rows.map(toResult);
  }

  /** The current results of these entities (those ever scored), by entity ref. */
  async resultsOf(entityRefs: readonly string[]): Promise<ScorecardResult[]> {
    const rows: ResultRow[] = [];
    for (const refs of chunks([...new Set(entityRefs)], READ_CHUNK)) {
      rows.push(
        ...(await this.db('scorecards_results').whereIn('entity_ref', refs)),
      );
    }
    return rows
      .map(toResult)
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  /**
   * The level and score of every scored entity that has an owner: what an
   * index of teams adds up, one narrow read.
   */
  async ownedStandings(): Promise<ResultStanding[]> {
    const rows: Array<
      Pick<ResultRow, 'entity_ref' | 'owner_ref' | 'level' | 'score'>
    > = await this.db('scorecards_results')
      .whereNotNull('owner_ref')
      .select('entity_ref', 'owner_ref', 'level', 'score');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.owner_ref && { ownerRef: row.owner_ref }),
      level: row.level as ScorecardLevel | null,
      score: row.score,
    }));
  }

  /**
   * The daily level and score of these entities from one UTC day to
   * another (both included), oldest first, by entity ref: a few narrow
   * reads however many entities a team has.
   */
  async trends(
    entityRefs: readonly string[],
    range: { from: string; to: string },
  ): Promise<Map<string, TrendPoint[]>> {
    const byEntity = new Map<string, TrendPoint[]>();
    for (const refs of chunks([...new Set(entityRefs)], READ_CHUNK)) {
      const rows: Array<
        Pick<SnapshotRow, 'entity_ref' | 'day' | 'level' | 'score'>
      > = await this.db('scorecards_daily_snapshots')
        .whereIn('entity_ref', refs)
        .where('day', '>=', range.from)
        .where('day', '<=', range.to)
        .orderBy([
          { column: 'entity_ref', order: 'asc' },
          { column: 'day', order: 'asc' },
        ])
        .select('entity_ref', 'day', 'level', 'score');
      for (const row of rows) {
        let points = byEntity.get(row.entity_ref);
        if (!points) {
          points = [];
          byEntity.set(row.entity_ref, points);
        }
        points.push({
          day: row.day,
          level: row.level as ScorecardLevel | null,
          score: row.score,
        });
      }
    }
    return byEntity;
  }

  /** The daily snapshots of an entity from one UTC day to another, both included, oldest first. */
  async history(
    entityRef: string,
    range: { from: string; to: string },
  ): Promise<ScorecardSnapshot[]> {
    const rows: SnapshotRow[] = await this.db('scorecards_daily_snapshots')
      .where('entity_ref', entityRef)
      .where('day', '>=', range.from)
      .where('day', '<=', range.to)
      .orderBy('day', 'asc');
    return rows.map(toSnapshot);
  }

  /**
   * Removes the current results not computed since `before` (entities a full
   * recompute no longer found in the catalog); their snapshots stay as
   * history. Answers how many were removed.
   */
  async removeResultsComputedBefore(before: string): Promise<number> {
    return retryTransient(() =>
      this.db('scorecards_results')
        .where('computed_at', '<', new Date(before))
        .delete(),
    );
  }
}
