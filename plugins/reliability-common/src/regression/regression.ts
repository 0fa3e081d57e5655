/*
 * Baselines, regressions and run comparison over the normalised results.
 * A baseline is a pinned run, or the median of the last N passing runs of an
 * entity, scenario and environment; a run regresses when its latency
 * percentiles or error rate are worse than the baseline beyond a tolerance.
 */
import { PerfMetric, PerfResults } from '../perfResults';

/** The statistics compared, per metric. @public */
export const COMPARED_TREND_STATS = [
  'avg',
  'med',
  'p(90)',
  'p(95)',
  'p(99)',
  'max',
];

/** @public */
export type RegressionTolerances = {
  /** Allowed relative increase of p95/p99 latency, e.g. 0.1 = 10 % slower. */
  latency: number;
  /** Allowed absolute increase of the error rate, e.g. 0.005 = 0.5 points. */
  errorRate: number;
  /** The latency trend compared. */
  latencyMetric: string;
  /** The rate of failed requests compared. */
  errorMetric: string;
};

/** @public */
export const DEFAULT_REGRESSION_TOLERANCES: RegressionTolerances = {
  latency: 0.1,
  errorRate: 0.005,
  latencyMetric: 'http_req_duration',
  errorMetric: 'http_req_failed',
};

/** The statistics of a baseline, keyed like a run's. @public */
export type BaselineStats = {
  /** metric key → statistic → value */
  trends: Record<string, Record<string, number>>;
  /** metric key → rate */
  rates: Record<string, number>;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The statistics of one run as a baseline. @public */
export function statsOf(results: PerfResults): BaselineStats {
  return medianBaseline([results]);
}

/**
 * The median, statistic by statistic, of several runs: robust to one odd run.
 *
 * @public
 */
export function medianBaseline(runs: PerfResults[]): BaselineStats {
  const trends: Record<string, Record<string, number[]>> = {};
  const rates: Record<string, number[]> = {};
  for (const run of runs) {
    for (const metric of run.metrics) {
      if (metric.type === 'trend') {
        const target = (trends[metric.key] ??= {});
        for (const stat of COMPARED_TREND_STATS) {
          const value = metric.stats[stat];
          if (value !== undefined) (target[stat] ??= []).push(value);
        }
      } else if (metric.type === 'rate') {
        (rates[metric.key] ??= []).push(metric.rate);
      }
    }
  }
  return {
    trends: Object.fromEntries(
      Object.entries(trends).map(([key, stats]) => [
        key,
        Object.fromEntries(
          Object.entries(stats).map(([stat, values]) => [stat, median(values)]),
        ),
      ]),
    ),
    rates: Object.fromEntries(
      Object.entries(rates).map(([key, values]) => [key, median(values)]),
    ),
  };
}

/** @public */
export type RegressionFinding = {
  metric: string;
  statistic: string;
  baseline: number;
  actual: number;
  /** actual − baseline */
  change: number;
  /** How far it may move: relative for latency, absolute for error rate. */
  tolerance: string;
  regressed: boolean;
};

/** @public */
export type RegressionVerdict = {
  /** undefined when the run or the baseline lacks the compared metrics. */
  regressed?: boolean;
  findings: RegressionFinding[];
  reason: string;
};

function metricOf(results: PerfResults, key: string): PerfMetric | undefined {
  return results.metrics.find(m => m.key === key);
}

/**
 * Compares a run with a baseline: p95 and p99 of the latency metric (relative
 * tolerance) and the rate of the error metric (absolute tolerance).
 *
 * @public
 */
export function detectRegression(
  run: PerfResults,
  baseline: BaselineStats,
  tolerances: RegressionTolerances = DEFAULT_REGRESSION_TOLERANCES,
): RegressionVerdict {
  const findings: RegressionFinding[] = [];
  const latency = metricOf(run, tolerances.latencyMetric);
  const baseLatency = baseline.trends[tolerances.latencyMetric];
  if (latency?.type === 'trend' && baseLatency) {
    for (const stat of ['p(95)', 'p(99)']) {
      const actual = latency.stats[stat];
      const base = baseLatency[stat];
      if (actual === undefined || base === undefined) continue;
      findings.push({
        metric: tolerances.latencyMetric,
        statistic: stat,
        baseline: base,
        actual,
        change: actual - base,
        tolerance: `+${Math.round(tolerances.latency * 100)} %`,
        regressed: actual > base * (1 + tolerances.latency),
      });
    }
  }
  const errors = metricOf(run, tolerances.errorMetric);
  const baseErrors = baseline.rates[tolerances.errorMetric];
  if (errors?.type === 'rate' && baseErrors !== undefined) {
    findings.push({
      metric: tolerances.errorMetric,
      statistic: 'rate',
      baseline: baseErrors,
      actual: errors.rate,
      change: errors.rate - baseErrors,
      tolerance: `+${tolerances.errorRate}`,
      regressed: errors.rate > baseErrors + tolerances.errorRate,
    });
  }
  if (findings.length === 0) {
    return {
      findings,
      reason: `neither the run nor the baseline has ${tolerances.latencyMetric} percentiles or ${tolerances.errorMetric}`,
    };
  }
  const worse = findings.filter(f => f.regressed);
  return {
    regressed: worse.length > 0,
    findings,
    reason:
      worse.length > 0
        ? `worse than the baseline: ${worse
            .map(
              f =>
                `${f.metric} ${f.statistic} ${f.baseline.toFixed(
                  3,
                )} → ${f.actual.toFixed(3)}`,
            )
            .join(', ')}`
        : 'within tolerance of the baseline',
  };
}

/** One statistic of one metric in two runs. @public */
export type RunDifference = {
  metric: string;
  statistic: string;
  a: number;
  b: number;
  /** b − a */
  change: number;
  /** (b − a) / a, when a is not 0 */
  relativeChange?: number;
};

/**
 * Every statistic the two runs share, metric by metric: what changed from
 * run `a` to run `b`.
 *
 * @public
 */
export function compareRuns(a: PerfResults, b: PerfResults): RunDifference[] {
  const left = medianBaseline([a]);
  const right = medianBaseline([b]);
  const differences: RunDifference[] = [];
  const push = (metric: string, statistic: string, x: number, y: number) =>
    differences.push({
      metric,
      statistic,
      a: x,
      b: y,
      change: y - x,
      ...(x !== 0 && { relativeChange: (y - x) / x }),
    });
  for (const [metric, stats] of Object.entries(left.trends)) {
    const other = right.trends[metric];
    if (!other) continue;
    for (const stat of COMPARED_TREND_STATS) {
      if (stats[stat] !== undefined && other[stat] !== undefined) {
        push(metric, stat, stats[stat], other[stat]);
      }
    }
  }
  for (const [metric, rate] of Object.entries(left.rates)) {
    if (right.rates[metric] !== undefined)
      push(metric, 'rate', rate, right.rates[metric]);
  }
  return differences.sort((x, y) => x.metric.localeCompare(y.metric, 'en'));
}

/** A run judged against its baseline, pinned or median. @public */
export type RunRegression = RegressionVerdict & {
  runId: string;
  baseline:
    | { kind: 'median'; runIds: string[] }
    | { kind: 'pinned'; runIds: string[]; pinnedBy: string; pinnedAt: string };
};
