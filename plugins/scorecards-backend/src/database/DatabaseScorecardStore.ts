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

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

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
