import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import {
  EntityTrend,
  medianBaseline,
  OpenSloObjectiveSet,
  readK6MetricSource,
  RegressionTolerances,
  sloScenario,
  statsOf,
  TrendObjectiveLine,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { readEntitySlos } from './entitySlos';
import { RecordMemo } from './RecordMemo';

/** Queue metrics of the convention in docs/reliability/k6-results.md. */
const QUEUE_DEPTH = 'queue_depth';
const QUEUE_DRAIN = 'queue_drain_ms';
const DEFAULT_POINTS = 50;
const MAX_POINTS = 500;

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number';
}

function isQueueMetric(key: string) {
  return (
    key === QUEUE_DEPTH ||
    key.startsWith(`${QUEUE_DEPTH}{`) ||
    key === QUEUE_DRAIN ||
    key.startsWith(`${QUEUE_DRAIN}{`)
  );
}

/** The statistic of the chart an objective's query maps to, if any. */
function chartedStatistic(
  metric: string,
  statistic: string | undefined,
  tolerances: RegressionTolerances,
): TrendObjectiveLine['statistic'] | undefined {
  if (metric === tolerances.latencyMetric) {
    if (statistic === 'p(95)' || statistic === undefined) return 'p95';
    if (statistic === 'p(99)') return 'p99';
  }
  if (
    metric === tolerances.errorMetric &&
    (statistic === 'rate' || statistic === undefined)
  ) {
    return 'errorRate';
  }
  return undefined;
}

/** The threshold objectives of the SLOs that apply to a scenario, as chart lines. */
export function objectiveLines(
  slos: OpenSloObjectiveSet[],
  scenario: string,
  tolerances: RegressionTolerances,
): TrendObjectiveLine[] {
  const lines: TrendObjectiveLine[] = [];
  for (const slo of slos) {
    const own = sloScenario(slo);
    if (own && own !== scenario) continue;
    if (slo.indicator?.type === 'ratio') {
      // Failed requests counted as bad events: the error rate allowed
      const bad = readK6MetricSource(slo.indicator.bad);
      if ('query' in bad && bad.query.metric === tolerances.errorMetric) {
        slo.objectives.forEach((objective, index) =>
          lines.push({
            slo: slo.displayName ?? slo.name,
            objective: objective.displayName ?? `objective ${index + 1}`,
            statistic: 'errorRate',
            value: 1 - objective.target,
          }),
        );
      }
      continue;
    }
    if (slo.indicator?.type !== 'threshold') continue;
    const source = readK6MetricSource(slo.indicator.metricSource);
    if (!('query' in source)) continue;
    const statistic = chartedStatistic(
      source.query.metric,
      source.query.statistic,
      tolerances,
    );
    if (!statistic) continue;
    slo.objectives.forEach((objective, index) => {
      if (objective.value === undefined) return;
      lines.push({
        slo: slo.displayName ?? slo.name,
        objective: objective.displayName ?? `objective ${index + 1}`,
        statistic,
        value: objective.value,
      });
    });
  }
  return lines;
}

export interface TrendService {
  getEntityTrend(
    entityRef: string,
    query: { scenario?: string; environment?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<EntityTrend>;
}

/** Trends from the stored metric rows, without reading whole results. */
export class DefaultTrendService implements TrendService {
  constructor(
    private readonly deps: {
      store: DatabasePerfRunStore;
      catalog: EntityReader;
      urlReader: UrlReaderService;
      baselineRuns: number;
      tolerances: RegressionTolerances;
      memo?: RecordMemo;
    },
  ) {}

  async getEntityTrend(
    entityRef: string,
    query: { scenario?: string; environment?: string; limit?: number },
  ): Promise<EntityTrend> {
    const limit = query.limit ?? DEFAULT_POINTS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_POINTS) {
      throw new InputError(
        `limit: expected a whole number from 1 to ${MAX_POINTS}`,
      );
    }
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const slos = await readEntitySlos(entity, this.deps.urlReader);
    const compute = async (): Promise<EntityTrend> => {
      const all = await this.deps.store.seriesOf(ref);
      const series = all.map(({ scenario, environment, runs }) => ({
        scenario,
        environment,
        runs,
      }));
      // Without a choice, the series of the newest run
      const chosen = all.find(
        s =>
          (!query.scenario || s.scenario === query.scenario) &&
          (!query.environment || s.environment === query.environment),
      );
      if (!chosen) {
        return {
          entityRef: ref,
          ...(query.scenario && { scenario: query.scenario }),
          ...(query.environment && { environment: query.environment }),
          series,
          points: [],
          objectives: [],
        };
      }
      const { latencyMetric, errorMetric } = this.deps.tolerances;
      const rows = await this.deps.store.seriesStats(
        { entityRef: ref, ...chosen },
        limit,
        key =>
          key === latencyMetric || key === errorMetric || isQueueMetric(key),
      );
      const points = rows.reverse().map(({ run, metrics }) => {
        const latency = metrics.find(m => m.key === latencyMetric);
        const errors = metrics.find(m => m.key === errorMetric);
        const queues: Record<string, number> = {};
        for (const m of metrics) {
          if (!isQueueMetric(m.key)) continue;
          const value = m.key.startsWith(QUEUE_DEPTH)
            ? m.max ?? m.value
            : m.p95;
          if (value !== null) queues[m.key] = value;
        }
        return {
          runId: run.id,
          startedAt: run.startedAt,
          ...(run.release && { release: run.release }),
          ...(run.thresholdsPassed !== undefined && {
            thresholdsPassed: run.thresholdsPassed,
          }),
          ...(isNumber(latency?.p95) && { p95: latency.p95 }),
          ...(isNumber(latency?.p99) && { p99: latency.p99 }),
          ...(isNumber(errors?.rate) && { errorRate: errors.rate }),
          queues,
        };
      });
      return {
        entityRef: ref,
        scenario: chosen.scenario,
        environment: chosen.environment,
        series,
        points,
        ...(await this.baseline(ref, chosen, points.at(-1)?.startedAt)),
        objectives: objectiveLines(
          slos.slos,
          chosen.scenario,
          this.deps.tolerances,
        ),
      };
    };
    return this.deps.memo
      ? this.deps.memo.remember(
          ref,
          ['trend', query.scenario, query.environment, limit, slos.contentKey],
          compute,
        )
      : compute();
  }

  /** What the next run of the series is compared with: the pin, or the median. */
  private async baseline(
    entityRef: string,
    series: { scenario: string; environment: string },
    newest: string | undefined,
  ): Promise<Pick<EntityTrend, 'baseline'>> {
    if (!newest) return {};
    const key = { entityRef, ...series };
    const { latencyMetric, errorMetric } = this.deps.tolerances;
    const pinned = await this.deps.store.pinnedBaseline(key);
    const runs = pinned
      ? [pinned.run]
      : await this.deps.store.passingRunsBefore(
          {
            ...key,
            startedAt: new Date(Date.parse(newest) + 1).toISOString(),
          },
          this.deps.baselineRuns,
        );
    if (runs.length === 0) return {};
    const stats = pinned
      ? statsOf(pinned.run.results)
      : medianBaseline(runs.map(r => r.results));
    const p95 = stats.trends[latencyMetric]?.['p(95)'];
    const p99 = stats.trends[latencyMetric]?.['p(99)'];
    const errorRate = stats.rates[errorMetric];
    return {
      baseline: {
        kind: pinned ? 'pinned' : 'median',
        runIds: runs.map(r => r.id),
        ...(p95 !== undefined && { p95 }),
        ...(p99 !== undefined && { p99 }),
        ...(errorRate !== undefined && { errorRate }),
      },
    };
  }
}
