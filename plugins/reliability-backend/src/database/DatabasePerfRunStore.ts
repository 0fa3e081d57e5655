import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  Page,
  PerfResults,
  PerfRun,
  PerfRunMetadata,
  PerfRunSummary,
  thresholdOutcome,
} from '@readiness/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrations';
import { LRUCache } from 'lru-cache';
import {
  contentHash as hashOf,
  isoTime as iso,
  isUniqueViolation,
  keysetPage,
  retryTransient,
  transactionWithRetry,
} from '@readiness/store-utils';

type RunRow = {
  id: string;
  entity_ref: string;
  scenario: string;
  environment: string;
  release: string | null;
  git_sha: string | null;
  started_at: Date | string | number;
  finished_at: Date | string | number;
  k6_exit_code: number | null;
  idempotency_key: string;
  content_hash: string;
  format: string;
  thresholds_passed: boolean | number | null;
  results?: string;
  created_at: Date | string | number;
};

/** Parsed results kept in memory, measured by their JSON length. */
const DEFAULT_RESULTS_CACHE_BYTES = 64 * 1024 * 1024;

/** Every column but the results: what a run summary needs. */
const SUMMARY_COLUMNS = [
  'id',
  'entity_ref',
  'scenario',
  'environment',
  'release',
  'git_sha',
  'started_at',
  'finished_at',
  'k6_exit_code',
  'idempotency_key',
  'content_hash',
  'format',
  'thresholds_passed',
  'created_at',
] as const;

/** Filters of a run list; `entityRef` is required, everything else narrows. */
export interface PerfRunFilter {
  entityRef: string;
  scenario?: string;
  environment?: string;
  release?: string;
}

/**
 * Perf runs and their per-metric statistics. Publishing is idempotent on
 * (entity, idempotency key) and transactional: a run and its metrics are
 * stored together or not at all.
 */
export class DatabasePerfRunStore {
  private readonly results: LRUCache<string, PerfResults>;

  private constructor(
    private readonly db: Knex,
    resultsCacheBytes: number = DEFAULT_RESULTS_CACHE_BYTES,
  ) {
    this.results = new LRUCache({ maxSize: resultsCacheBytes });
  }

  static async create(options: {
    database: DatabaseService;
    /** Bytes of results JSON kept parsed; default 64 MiB. */
    resultsCacheBytes?: number;
  }): Promise<DatabasePerfRunStore> {
    return new DatabasePerfRunStore(
      await migratedClient(options.database),
      options.resultsCacheBytes,
    );
  }

  /**
   * Stores a run, or returns the stored one when the same publication comes
   * again (`created: false`). The same key with different content is a
   * conflict. A transient database failure runs the publication again: its
   * key is looked up first, so a run whose commit was stored but not
   * confirmed comes back instead of being stored twice.
   */
  async addRun(
    metadata: PerfRunMetadata,
    results: PerfResults,
  ): Promise<{ run: PerfRun; created: boolean }> {
    return retryTransient(() => this.addRunOnce(metadata, results));
  }

  private async addRunOnce(
    metadata: PerfRunMetadata,
    results: PerfResults,
  ): Promise<{ run: PerfRun; created: boolean }> {
    const contentHash = hashOf({ metadata, results });
    const existing = await this.findByKey(metadata, contentHash);
    if (existing) {
      return { run: existing, created: false };
    }
    const id = randomUUID();
    const createdAt = new Date();
    const outcome = thresholdOutcome(results, metadata.k6ExitCode);
    try {
      await this.db.transaction(async tx => {
        await tx<RunRow>('perf_runs').insert({
          id,
          entity_ref: metadata.entityRef,
          scenario: metadata.scenario,
          environment: metadata.environment,
          release: metadata.release ?? null,
          git_sha: metadata.gitSha ?? null,
          started_at: new Date(metadata.startedAt),
          finished_at: new Date(metadata.finishedAt),
          k6_exit_code: metadata.k6ExitCode ?? null,
          idempotency_key: metadata.idempotencyKey,
          content_hash: contentHash,
          format: results.format,
          thresholds_passed: outcome.passed ?? null,
          results: JSON.stringify(results),
          created_at: createdAt,
        });
        const rows = results.metrics.map(metric => ({
          run_id: id,
          metric_key: metric.key,
          metric_type: metric.type,
          avg: metric.type === 'trend' ? metric.stats.avg ?? null : null,
          med: metric.type === 'trend' ? metric.stats.med ?? null : null,
          p90: metric.type === 'trend' ? metric.stats['p(90)'] ?? null : null,
          p95: metric.type === 'trend' ? metric.stats['p(95)'] ?? null : null,
          p99: metric.type === 'trend' ? metric.stats['p(99)'] ?? null : null,
          max:
            (metric.type === 'trend' ? metric.stats.max : undefined) ??
            (metric.type === 'gauge' ? metric.max : undefined) ??
            null,
          rate: metric.type === 'rate' ? metric.rate : null,
          count:
            (metric.type === 'trend' ? metric.stats.count : undefined) ??
            (metric.type === 'counter' ? metric.count : undefined) ??
            (metric.type === 'rate'
              ? metric.trueCount + metric.falseCount
              : null),
          value: metric.type === 'gauge' ? metric.value : null,
        }));
        // Batches keep SQLite under its bound-variable limit
        await tx.batchInsert('perf_run_metrics', rows, 50);
        await tx('perf_series')
          .insert({
            entity_ref: metadata.entityRef,
            scenario: metadata.scenario,
            environment: metadata.environment,
            runs: 1,
            newest_started_at: new Date(metadata.startedAt),
          })
          .onConflict(['entity_ref', 'scenario', 'environment'])
          .merge({
            runs: tx.raw('?? + 1', ['perf_series.runs']),
            newest_started_at: tx.raw('case when ?? > ?? then ?? else ?? end', [
              'excluded.newest_started_at',
              'perf_series.newest_started_at',
              'excluded.newest_started_at',
              'perf_series.newest_started_at',
            ]),
          });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        // Another replica stored the same key meanwhile
        const raced = await this.findByKey(metadata, contentHash);
        if (raced) {
          return { run: raced, created: false };
        }
      }
      throw error;
    }
    return { run: (await this.getRun(id))!, created: true };
  }

  private async findByKey(
    metadata: PerfRunMetadata,
    contentHash: string,
  ): Promise<PerfRun | undefined> {
    const row = await this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where({
        entity_ref: metadata.entityRef,
        idempotency_key: metadata.idempotencyKey,
      })
      .first();
    if (!row) {
      return undefined;
    }
    if (row.content_hash !== contentHash) {
      throw new ConflictError(
        `idempotencyKey ${metadata.idempotencyKey} was already used for a different run of ${metadata.entityRef}`,
      );
    }
    return await this.toRun(row);
  }

  async getRun(id: string): Promise<PerfRun | undefined> {
    const row = await this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where({ id })
      .first();
    return row ? await this.toRun(row) : undefined;
  }

  /** Runs of an entity, newest first. */
  async listRuns(
    filter: PerfRunFilter,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<PerfRunSummary>> {
    const query = this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where('entity_ref', filter.entityRef.toLocaleLowerCase('en-US'));
    if (filter.scenario) query.where('scenario', filter.scenario);
    if (filter.environment) query.where('environment', filter.environment);
    if (filter.release) query.where('release', filter.release);
    return keysetPage(query, {
      timeColumn: 'started_at',
      cursor: options.cursor,
      limit: options.limit,
      toItem: (row: RunRow) => this.toSummary(row),
      positionOf: run => ({ at: run.startedAt, id: run.id }),
    });
  }

  /** Runs of an entity that started at or after `since`, newest first, with results. */
  async runsSince(
    entityRef: string,
    since: string,
    limit: number,
  ): Promise<PerfRun[]> {
    const rows = await this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .andWhere('started_at', '>=', new Date(since))
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return this.withResults(rows);
  }

  /**
   * The newest run of each scenario of a release in an environment, newest
   * first, with results: the runs that stand for the release. Only those
   * runs' results are read.
   */
  async newestRunsOfRelease(
    entityRef: string,
    release: string,
    environment: string,
    limit: number,
  ): Promise<PerfRun[]> {
    const rows = await this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where({
        entity_ref: entityRef.toLocaleLowerCase('en-US'),
        release,
        environment,
      })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    const seen = new Set<string>();
    const newest = rows.filter(row => {
      if (seen.has(row.scenario)) return false;
      seen.add(row.scenario);
      return true;
    });
    return this.withResults(newest);
  }

  /**
   * A short text that changes whenever the entity's runs or pinned baselines
   * change: a new run, a new pin, an unpin. Read with one small query.
   */
  async recordVersion(entityRef: string): Promise<string> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const [series] = await this.db('perf_series')
      .where('entity_ref', ref)
      .sum({ runs: 'runs' })
      .max({ newest: 'newest_started_at' });
    const [pins] = await this.db('perf_baselines')
      .where('entity_ref', ref)
      .count({ pins: '*' })
      .max({ pinned: 'pinned_at' });
    return [
      Number(series?.runs ?? 0),
      series?.newest ? iso(series.newest) : '',
      Number(pins?.pins ?? 0),
      pins?.pinned ? iso(pins.pinned) : '',
    ].join('|');
  }

  /** The scenarios and environments an entity has runs in, newest first. */
  async seriesOf(entityRef: string): Promise<
    Array<{
      scenario: string;
      environment: string;
      runs: number;
      newest: string;
    }>
  > {
    const rows = await this.db('perf_series')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .select('scenario', 'environment', 'runs', 'newest_started_at');
    return rows
      .map(row => ({
        scenario: String(row.scenario),
        environment: String(row.environment),
        runs: Number(row.runs),
        newest: iso(row.newest_started_at),
      }))
      .sort((a, b) => b.newest.localeCompare(a.newest));
  }

  /**
   * The newest `limit` runs of a series without their results, each with the
   * stored statistics of the metrics `wanted` picks by key: what a trend
   * chart draws, read from the metric rows alone.
   */
  async seriesStats(
    series: { entityRef: string; scenario: string; environment: string },
    limit: number,
    wanted: (metricKey: string) => boolean,
  ): Promise<
    Array<{
      run: PerfRunSummary;
      metrics: Array<{
        key: string;
        p95: number | null;
        p99: number | null;
        max: number | null;
        rate: number | null;
        value: number | null;
      }>;
    }>
  > {
    const runs = await this.db<RunRow>('perf_runs')
      .where({
        entity_ref: series.entityRef.toLocaleLowerCase('en-US'),
        scenario: series.scenario,
        environment: series.environment,
      })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select(...SUMMARY_COLUMNS);
    if (runs.length === 0) return [];
    const metricRows = await this.db('perf_run_metrics')
      .whereIn(
        'run_id',
        runs.map(r => r.id),
      )
      .select('run_id', 'metric_key', 'p95', 'p99', 'max', 'rate', 'value');
    const byRun = new Map<string, typeof metricRows>();
    for (const row of metricRows) {
      if (!wanted(row.metric_key)) continue;
      byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
    }
    return runs.map(row => ({
      run: this.toSummary(row),
      metrics: (byRun.get(row.id) ?? []).map(m => ({
        key: m.metric_key,
        p95: m.p95,
        p99: m.p99,
        max: m.max,
        rate: m.rate,
        value: m.value,
      })),
    }));
  }

  /**
   * Pins a run as the baseline of its entity, scenario and environment,
   * replacing an earlier pin.
   */
  async pinBaseline(run: PerfRunSummary, pinnedBy: string): Promise<void> {
    const row = {
      entity_ref: run.entityRef,
      scenario: run.scenario,
      environment: run.environment,
      run_id: run.id,
      pinned_by: pinnedBy,
      pinned_at: new Date(),
    };
    // An upsert: pinning again after a lost answer pins the same run
    await retryTransient(() =>
      this.db('perf_baselines')
        .insert(row)
        .onConflict(['entity_ref', 'scenario', 'environment'])
        .merge(['run_id', 'pinned_by', 'pinned_at']),
    );
  }

  /** Removes the pin of an entity, scenario and environment; whether there was one. */
  async unpinBaseline(key: {
    entityRef: string;
    scenario: string;
    environment: string;
  }): Promise<boolean> {
    const deleted = await transactionWithRetry(this.db, tx =>
      tx('perf_baselines')
        .where({
          entity_ref: key.entityRef,
          scenario: key.scenario,
          environment: key.environment,
        })
        .delete(),
    );
    return deleted > 0;
  }

  /** The pinned baseline run of a run's entity, scenario and environment, if any. */
  async pinnedBaseline(
    run: Pick<PerfRunSummary, 'entityRef' | 'scenario' | 'environment'>,
  ): Promise<{ run: PerfRun; pinnedBy: string; pinnedAt: string } | undefined> {
    const pin = await this.db('perf_baselines')
      .where({
        entity_ref: run.entityRef,
        scenario: run.scenario,
        environment: run.environment,
      })
      .first();
    if (!pin) return undefined;
    const pinned = await this.getRun(pin.run_id);
    return pinned
      ? { run: pinned, pinnedBy: pin.pinned_by, pinnedAt: iso(pin.pinned_at) }
      : undefined;
  }

  /**
   * Up to `limit` runs of the same entity, scenario and environment that
   * started before `before` and did not fail their thresholds, newest first:
   * the candidates of a median baseline.
   */
  async passingRunsBefore(
    run: Pick<
      PerfRunSummary,
      'entityRef' | 'scenario' | 'environment' | 'startedAt'
    >,
    limit: number,
  ): Promise<PerfRun[]> {
    const rows = await this.db<RunRow>('perf_runs')
      .select(...SUMMARY_COLUMNS)
      .where({
        entity_ref: run.entityRef,
        scenario: run.scenario,
        environment: run.environment,
      })
      .andWhere('started_at', '<', new Date(run.startedAt))
      .andWhere(q =>
        q.whereNull('thresholds_passed').orWhere('thresholds_passed', true),
      )
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return this.withResults(rows);
  }

  private toSummary(row: RunRow): PerfRunSummary {
    return {
      id: row.id,
      entityRef: row.entity_ref,
      scenario: row.scenario,
      environment: row.environment,
      ...(row.release !== null && { release: row.release }),
      ...(row.git_sha !== null && { gitSha: row.git_sha }),
      startedAt: iso(row.started_at),
      finishedAt: iso(row.finished_at),
      ...(row.k6_exit_code !== null && { k6ExitCode: row.k6_exit_code }),
      idempotencyKey: row.idempotency_key,
      createdAt: iso(row.created_at),
      format: row.format as PerfRunSummary['format'],
      ...(row.thresholds_passed !== null && {
        thresholdsPassed: Boolean(row.thresholds_passed),
      }),
    };
  }

  /**
   * The runs of summary rows with their results. Results never change once
   * stored, so parsed ones are kept (bounded by their JSON size) and only the
   * missing ones are read, in one query.
   */
  private async withResults(rows: RunRow[]): Promise<PerfRun[]> {
    // What this call answers with; the cache only saves parsing, and may
    // refuse or evict entries (a batch can be larger than the cache)
    const found = new Map<string, PerfResults>();
    for (const row of rows) {
      const cached = this.results.get(row.id);
      if (cached) found.set(row.id, cached);
    }
    const missing = rows.map(row => row.id).filter(id => !found.has(id));
    if (missing.length > 0) {
      const stored = await this.db<RunRow>('perf_runs')
        .whereIn('id', missing)
        .select('id', 'results');
      for (const { id, results } of stored) {
        const parsed: PerfResults = JSON.parse(results!);
        found.set(id, parsed);
        this.results.set(id, parsed, { size: Math.max(1, results!.length) });
      }
    }
    return rows.flatMap(row => {
      const results = found.get(row.id);
      return results ? [{ ...this.toSummary(row), results }] : [];
    });
  }

  private async toRun(row: RunRow): Promise<PerfRun> {
    const [run] = await this.withResults([row]);
    return run;
  }
}
