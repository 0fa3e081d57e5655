/**
 * The normalised results of one load-test run, whatever shape the tool wrote.
 * Times are milliseconds; rates are fractions between 0 and 1.
 */

/** @public */
export type PerfResultsFormat =
  | 'k6-handle-summary'
  | 'k6-summary-export'
  | 'k6-machine-readable'
  | 'k6-json-stream';

/** @public */
export type PerfMetricContains = 'time' | 'data' | 'default';

/** @public */
export type PerfMetricBase = {
  /** The k6 key, with a tag selector for sub-metrics: `http_req_duration{expected_response:true}`. */
  key: string;
  /** The metric name without the selector: `http_req_duration`. */
  name: string;
  /** The selector's tags; empty for a whole metric. */
  tags: Record<string, string>;
  contains: PerfMetricContains;
};

/**
 * A trend: statistics keyed as k6 names them (`avg`, `min`, `med`, `max`,
 * `count`, `p(90)`, `p(95)`, `p(99)`, `p(99.9)`, ...). Only what the source
 * reported (or, for streams, computed) is present.
 *
 * @public
 */
export type PerfTrendMetric = PerfMetricBase & {
  type: 'trend';
  stats: Record<string, number>;
};

/**
 * A rate: the share of non-zero samples. `trueCount` counts non-zero samples
 * whatever the metric means: for `http_req_failed` it is the failed requests.
 *
 * @public
 */
export type PerfRateMetric = PerfMetricBase & {
  type: 'rate';
  rate: number;
  trueCount: number;
  falseCount: number;
};

/** @public */
export type PerfCounterMetric = PerfMetricBase & {
  type: 'counter';
  count: number;
  /** Per second over the run, when known. */
  ratePerSecond?: number;
};

/** @public */
export type PerfGaugeMetric = PerfMetricBase & {
  type: 'gauge';
  value: number;
  min?: number;
  max?: number;
};

/** @public */
export type PerfMetric =
  | PerfTrendMetric
  | PerfRateMetric
  | PerfCounterMetric
  | PerfGaugeMetric;

/**
 * One threshold and whether it held. `source` says who decided: k6 itself
 * (`reported`), or the portal from the computed statistics of a stream
 * (`computed`), since k6's JSON stream carries expressions but no outcomes.
 *
 * @public
 */
export type PerfThreshold = {
  metric: string;
  expression: string;
  passed: boolean;
  source: 'reported' | 'computed';
};

/** @public */
export type PerfCheck = {
  name: string;
  /** The group path, `::group::check`, when the source has it. */
  path?: string;
  passes: number;
  fails: number;
};

/** @public */
export type PerfResults = {
  format: PerfResultsFormat;
  /** Duration of the test run, when the source says. */
  durationMs?: number;
  metrics: PerfMetric[];
  thresholds: PerfThreshold[];
  checks: PerfCheck[];
  /**
   * Whether every threshold held, as the source states it or as follows from
   * {@link PerfResults.thresholds}; undefined when nothing says.
   */
  thresholdsPassed?: boolean;
  /** Things that were odd but not fatal, e.g. counts that disagree with a rate. */
  warnings: string[];
};

/** The exit code k6 uses when a threshold failed. */
export const K6_THRESHOLDS_FAILED_EXIT_CODE = 99;

/**
 * The outcome of a run's thresholds, combining the results with k6's exit
 * code: exit code 99 means a threshold failed, whatever the summary says.
 *
 * @public
 */
export function thresholdOutcome(
  results: Pick<PerfResults, 'thresholds' | 'thresholdsPassed'>,
  k6ExitCode?: number,
): { passed: boolean | undefined; reason: string } {
  if (k6ExitCode === K6_THRESHOLDS_FAILED_EXIT_CODE) {
    return {
      passed: false,
      reason: 'k6 exited with code 99: a threshold failed',
    };
  }
  const failed = results.thresholds.filter(t => !t.passed);
  if (failed.length > 0) {
    return {
      passed: false,
      reason: `failed: ${failed
        .map(t => `${t.metric} ${t.expression}`)
        .join(', ')}`,
    };
  }
  if (results.thresholdsPassed === false) {
    return { passed: false, reason: 'the summary reports failed thresholds' };
  }
  if (results.thresholds.length > 0 || results.thresholdsPassed === true) {
    return {
      passed: true,
      reason:
        results.thresholds.length > 0
          ? `${results.thresholds.length} thresholds held`
          : 'the summary reports that thresholds held',
    };
  }
  return { passed: undefined, reason: 'the run defines no thresholds' };
}
