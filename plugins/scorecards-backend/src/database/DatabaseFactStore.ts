import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  EntityFacts,
  FactObservation,
  FactValue,
} from '@readiness/plugin-scorecards-common';
import {
  isoTime,
  isUniqueViolation,
  migratedClient,
  retryTransient,
} from '@readiness/store-utils';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-scorecards-backend',
  'migrations',
);

/** Rows per statement: well inside SQLite's and PostgreSQL's bind limits. */
const CHUNK = 500;

type Time = Date | string | number;

type CurrentRow = {
  entity_ref: string;
  fact_id: string;
  value: string | null;
  observed_at: Time;
  changed_at: Time;
};

type HistoryRow = {
  entity_ref: string;
  fact_id: string;
  value: string | null;
  valid_from: Time;
};

/**
 * One observation of one fact of one entity. `value: null` says the fact is
 * no longer known (the provider has nothing to say any more).
 */
export type FactRecord = {
  entityRef: string;
  factId: string;
  value: FactValue | null;
  /** ISO 8601 instant. */
  observedAt: string;
};

type PushRow = {
  id: string;
  idempotency_key: string;
  content_hash: string;
  entity_ref: string;
  facts: string;
  observed_at: Time;
  pushed_by: string;
  pushed_at: Time;
};

/** Facts a pipeline pushed about one entity, as stored. */
export type FactPush = {
  id: string;
  idempotencyKey: string;
  entityRef: string;
  /** The pushed values by fact id. */
  facts: Record<string, FactValue>;
  /** ISO 8601 instant the values were true at. */
  observedAt: string;
  /** The subject of the service token that pushed them. */
  pushedBy: string;
  /** ISO 8601 instant the push was stored. */
  pushedAt: string;
};

/** A checked push, to store. */
export type FactPushToStore = {
  idempotencyKey: string;
  entityRef: string;
  facts: Record<string, FactValue>;
  /** When the values were true; the time of storing when absent. */
  observedAt?: string;
  pushedBy: string;
  /** The hash of the push as sent, to tell a retry from a reuse of its key. */
  contentHash: string;
};

function toPush(row: PushRow): FactPush {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    entityRef: row.entity_ref,
    facts: JSON.parse(row.facts),
    observedAt: isoTime(row.observed_at),
    pushedBy: row.pushed_by,
    pushedAt: isoTime(row.pushed_at),
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

const keyOf = (entityRef: string, factId: string) => `${entityRef}\n${factId}`;

function toFacts(
  rows: Array<{
    entity_ref: string;
    fact_id: string;
    value: string | null;
    at: Time;
  }>,
): Map<string, EntityFacts> {
  const byEntity = new Map<string, Record<string, FactObservation>>();
  for (const row of rows) {
    if (row.value === null) continue;
    let facts = byEntity.get(row.entity_ref);
    if (!facts) {
      facts = {};
      byEntity.set(row.entity_ref, facts);
    }
    facts[row.fact_id] = {
      value: JSON.parse(row.value) as FactValue,
      observedAt: isoTime(row.at),
    };
  }
  return byEntity;
}

/**
 * The facts of catalog entities and their history. Recording keeps one
 * history row per change of value, not per observation: a provider that
 * reports the same value every night adds nothing but the time it was last
 * seen. Observations older than the newest one of a fact are ignored, so a
 * late or replayed batch never rewrites what is known. Facts pushed by CI
 * are recorded the same way, with the push kept under its idempotency key.
 */
export class DatabaseFactStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFactStore> {
    return new DatabaseFactStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  /**
   * Records observations; answers the entities whose facts changed value
   * (the ones to score again). Safe to repeat: a retry after a lost commit
   * finds its values recorded and changes nothing.
   */
  async recordFacts(
    records: readonly FactRecord[],
  ): Promise<{ changedEntityRefs: string[] }> {
    if (records.length === 0) return { changedEntityRefs: [] };
    return retryTransient(async () => {
      try {
        return await this.recordOnce(records);
      } catch (error) {
        // a concurrent recording of the same change got there first
        if (isUniqueViolation(error)) return this.recordOnce(records);
        throw error;
      }
    });
  }

  private async recordOnce(
    records: readonly FactRecord[],
  ): Promise<{ changedEntityRefs: string[] }> {
    return this.db.transaction(tx => this.recordIn(tx, records, new Date()));
  }

  /**
   * Stores a push and records its facts, in one transaction. A push whose
   * key is stored already answers the stored push when its content is the
   * same (nothing is written) and is refused with a ConflictError when it
   * is not.
   */
  async recordPush(
    push: FactPushToStore,
  ): Promise<{ push: FactPush; created: boolean }> {
    return retryTransient(async () => {
      try {
        return await this.recordPushOnce(push);
      } catch (error) {
        // the same push, or a recording of the same change, got there first
        if (isUniqueViolation(error)) return this.recordPushOnce(push);
        throw error;
      }
    });
  }

  private async recordPushOnce(
    push: FactPushToStore,
  ): Promise<{ push: FactPush; created: boolean }> {
    return this.db.transaction(async tx => {
      const stored: PushRow | undefined = await tx('scorecards_fact_pushes')
        .where('idempotency_key', push.idempotencyKey)
        .first();
      if (stored) {
        if (stored.content_hash !== push.contentHash) {
          throw new ConflictError(
            `idempotencyKey: ${
              push.idempotencyKey
            } was already used for other facts (pushed ${isoTime(
              stored.pushed_at,
            )})`,
          );
        }
        return { push: toPush(stored), created: false };
      }
      const now = new Date();
      const observedAt = push.observedAt ? new Date(push.observedAt) : now;
      const row: PushRow = {
        id: randomUUID(),
        idempotency_key: push.idempotencyKey,
        content_hash: push.contentHash,
        entity_ref: push.entityRef,
        facts: JSON.stringify(push.facts),
        observed_at: observedAt,
        pushed_by: push.pushedBy,
        pushed_at: now,
      };
      await tx('scorecards_fact_pushes').insert(row);
      await this.recordIn(
        tx,
        Object.entries(push.facts).map(([factId, value]) => ({
          entityRef: push.entityRef,
          factId,
          value,
          observedAt: observedAt.toISOString(),
        })),
        now,
      );
      return { push: toPush(row), created: true };
    });
  }

  /** Records observations within a transaction; `now` is the time of recording. */
  private async recordIn(
    tx: Knex.Transaction,
    records: readonly FactRecord[],
    now: Date,
  ): Promise<{ changedEntityRefs: string[] }> {
    // the newest observation of each fact in the batch, in time order
    const latest = new Map<string, FactRecord[]>();
    for (const record of [...records].sort(
      (a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt),
    )) {
      const key = keyOf(record.entityRef, record.factId);
      latest.set(key, [...(latest.get(key) ?? []), record]);
    }
    const entityRefs = [...new Set(records.map(r => r.entityRef))];

    const current = new Map<string, CurrentRow>();
    for (const refs of chunks(entityRefs)) {
      const rows: CurrentRow[] = await tx('scorecards_facts_current')
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'fact_id', 'value', 'observed_at', 'changed_at');
      for (const row of rows) {
        current.set(keyOf(row.entity_ref, row.fact_id), row);
      }
    }

    const history: Array<HistoryRow & { recorded_at: Date }> = [];
    const upserts: CurrentRow[] = [];
    const changed = new Set<string>();
    for (const [key, observations] of latest) {
      const before = current.get(key);
      let value = before?.value;
      let observedAt = before ? Date.parse(isoTime(before.observed_at)) : -1;
      let changedAt = before ? new Date(isoTime(before.changed_at)) : now;
      let touched = false;
      for (const record of observations) {
        const at = Date.parse(record.observedAt);
        if (at < observedAt) continue;
        const encoded =
          record.value === null ? null : JSON.stringify(record.value);
        if (encoded !== value && !(value === undefined && encoded === null)) {
          history.push({
            entity_ref: record.entityRef,
            fact_id: record.factId,
            value: encoded,
            valid_from: new Date(at),
            recorded_at: now,
          });
          changed.add(record.entityRef);
          value = encoded;
          changedAt = new Date(at);
        }
        if (value !== undefined) {
          observedAt = at;
          touched = true;
        }
      }
      if (touched) {
        const [entityRef, factId] = key.split('\n');
        upserts.push({
          entity_ref: entityRef,
          fact_id: factId,
          value: value ?? null,
          observed_at: new Date(observedAt),
          changed_at: changedAt,
        });
      }
    }

    for (const rows of chunks(history)) {
      await tx('scorecards_fact_history').insert(rows);
    }
    for (const rows of chunks(upserts)) {
      await tx('scorecards_facts_current')
        .insert(rows)
        .onConflict(['entity_ref', 'fact_id'])
        .merge(['value', 'observed_at', 'changed_at']);
    }
    return { changedEntityRefs: [...changed].sort() };
  }

  /**
   * The current facts of the given entities (of every entity when none are
   * given), each with the time it was last observed.
   */
  async currentFacts(
    entityRefs?: readonly string[],
  ): Promise<Map<string, EntityFacts>> {
    const select = (query: Knex.QueryBuilder) =>
      query
        .whereNotNull('value')
        .select('entity_ref', 'fact_id', 'value', 'observed_at as at');
    if (!entityRefs) {
      return toFacts(await select(this.db('scorecards_facts_current')));
    }
    const rows = [];
    for (const refs of chunks(entityRefs)) {
      rows.push(
        ...(await select(
          this.db('scorecards_facts_current').whereIn('entity_ref', refs),
        )),
      );
    }
    return toFacts(rows);
  }

  /**
   * The facts of the given entities as they were known at `at` (an ISO
   * instant), each with the time it took that value.
   */
  async factsAt(
    entityRefs: readonly string[],
    at: string,
  ): Promise<Map<string, EntityFacts>> {
    const when = new Date(at);
    const rows = [];
    for (const refs of chunks(entityRefs)) {
      const newest = this.db('scorecards_fact_history')
        .whereIn('entity_ref', refs)
        .where('valid_from', '<=', when)
        .groupBy('entity_ref', 'fact_id')
        .select('entity_ref', 'fact_id')
        .max({ newest: 'valid_from' })
        .as('newest');
      rows.push(
        ...(await this.db('scorecards_fact_history as h')
          .join(newest, join =>
            join
              .on('h.entity_ref', '=', 'newest.entity_ref')
              .andOn('h.fact_id', '=', 'newest.fact_id')
              .andOn('h.valid_from', '=', 'newest.newest'),
          )
          .select(
            'h.entity_ref',
            'h.fact_id',
            'h.value',
            'h.valid_from as at',
          )),
      );
    }
    return toFacts(rows);
  }

  /** The values a fact of an entity took, oldest first. */
  async factHistory(
    entityRef: string,
    factId: string,
  ): Promise<Array<{ value: FactValue | null; validFrom: string }>> {
    const rows: HistoryRow[] = await this.db('scorecards_fact_history')
      .where({ entity_ref: entityRef, fact_id: factId })
      .orderBy('valid_from', 'asc')
      .select('value', 'valid_from');
    return rows.map(row => ({
      value: row.value === null ? null : (JSON.parse(row.value) as FactValue),
      validFrom: isoTime(row.valid_from),
    }));
  }
}
