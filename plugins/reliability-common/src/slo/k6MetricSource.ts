/*
 * The k6 metric-source convention: an OpenSLO metricSource of `type: k6`
 * names a metric of the perf runs published to the portal.
 *
 *   metricSource:
 *     type: k6
 *     spec:
 *       metric: http_req_duration        # required: the k6 metric
 *       statistic: p(95)                 # optional: avg, min, med, max, p(N), rate, count, value
 *       tags: { expected_response: 'true' } # optional: a sub-metric's tags
 *       scenario: ledger-post            # optional: only runs of this scenario
 *
 * Default statistic: p(95) for trends, rate for rates, count for counters,
 * value for gauges.
 */
import { formatMetricKey } from '../k6/metricKey';
import { aggregationValue } from '../k6/thresholdExpression';
import { PerfMetric, PerfResults } from '../perfResults';
import { OpenSloMetricSource, OpenSloObjectiveSet } from '../openslo/types';

/** @public */
export const K6_METRIC_SOURCE_TYPE = 'k6';

/** @public */
export type K6MetricQuery = {
  metric: string;
  statistic?: string;
  tags: Record<string, string>;
  scenario?: string;
};

/**
 * Reads the spec of a k6 metric source; undefined with a reason when it is
 * not one or is malformed.
 *
 * @public
 */
export function readK6MetricSource(
  source: OpenSloMetricSource | undefined,
): { query: K6MetricQuery } | { error: string } {
  if (!source || source.type?.toLowerCase() !== K6_METRIC_SOURCE_TYPE) {
    return {
      error: `not a k6 metric source (type: ${source?.type ?? 'none'})`,
    };
  }
  const { metric, statistic, tags, scenario } = source.spec;
  if (typeof metric !== 'string' || metric === '') {
    return { error: 'a k6 metric source needs spec.metric' };
  }
  if (statistic !== undefined && typeof statistic !== 'string') {
    return { error: 'spec.statistic must be a string such as p(95) or rate' };
  }
  if (
    tags !== undefined &&
    (typeof tags !== 'object' || tags === null || Array.isArray(tags))
  ) {
    return { error: 'spec.tags must be a map of tag names to values' };
  }
  if (scenario !== undefined && typeof scenario !== 'string') {
    return { error: 'spec.scenario must be a string' };
  }
  return {
    query: {
      metric,
      ...(statistic && { statistic }),
      tags: Object.fromEntries(
        Object.entries((tags ?? {}) as Record<string, unknown>).map(
          ([k, v]) => [k, String(v)],
        ),
      ),
      ...(scenario && { scenario }),
    },
  };
}

/** The metric of a run a query names, if the run has it. */
export function findMetric(
  results: PerfResults,
  query: K6MetricQuery,
): PerfMetric | undefined {
  const key = formatMetricKey(query.metric, query.tags);
  return results.metrics.find(m => m.key === key);
}

function defaultStatistic(metric: PerfMetric): string {
  switch (metric.type) {
    case 'trend':
      return 'p(95)';
    case 'rate':
      return 'rate';
    case 'counter':
      return 'count';
    default:
      return 'value';
  }
}

/** The statistic a query asks for, from one run; undefined when absent. */
export function k6Statistic(
  results: PerfResults,
  query: K6MetricQuery,
): { value: number; statistic: string; key: string } | undefined {
  const metric = findMetric(results, query);
  if (!metric) return undefined;
  const statistic = query.statistic ?? defaultStatistic(metric);
  const value = aggregationValue(metric, statistic);
  return value === undefined
    ? undefined
    : { value, statistic, key: metric.key };
}

/**
 * Event counts of a metric for ratio SLIs: for a rate metric the non-zero
 * samples (`part`) out of all samples (`whole`); for a counter its count as
 * both.
 */
export function k6Counts(
  results: PerfResults,
  query: K6MetricQuery,
): { part: number; whole: number; key: string } | undefined {
  const metric = findMetric(results, query);
  if (!metric) return undefined;
  if (metric.type === 'rate') {
    return {
      part: metric.trueCount,
      whole: metric.trueCount + metric.falseCount,
      key: metric.key,
    };
  }
  if (metric.type === 'counter') {
    return { part: metric.count, whole: metric.count, key: metric.key };
  }
  if (metric.type === 'trend' && metric.stats.count !== undefined) {
    return {
      part: metric.stats.count,
      whole: metric.stats.count,
      key: metric.key,
    };
  }
  return undefined;
}

/**
 * The scenario an SLO's k6 indicator is restricted to, if it names one.
 *
 * @public
 */
export function sloScenario(slo: OpenSloObjectiveSet): string | undefined {
  const indicator = slo.indicator;
  const sources =
    indicator?.type === 'threshold'
      ? [indicator.metricSource]
      : [indicator?.good, indicator?.bad, indicator?.total];
  for (const source of sources) {
    const read = readK6MetricSource(source);
    if ('query' in read && read.query.scenario) return read.query.scenario;
  }
  return undefined;
}
