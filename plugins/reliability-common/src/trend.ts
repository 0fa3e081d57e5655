/*
 * The performance trend of an entity: the headline statistics of each run of
 * one scenario in one environment, with the baseline and the objectives that
 * hold them, for a chart.
 */

/** Headline statistics of one run. @public */
export type TrendPoint = {
  runId: string;
  startedAt: string;
  release?: string;
  thresholdsPassed?: boolean;
  /** p95 of the latency metric, milliseconds */
  p95?: number;
  /** p99 of the latency metric, milliseconds */
  p99?: number;
  /** rate of the error metric, 0..1 */
  errorRate?: number;
  /**
   * Queue metrics (see the queue convention): per queue metric key, the
   * deepest queue seen (`queue_depth` max) or the p95 wait
   * (`queue_drain_ms` p(95)).
   */
  queues: Record<string, number>;
};

/** A line to draw across the trend: an objective on a charted statistic. @public */
export type TrendObjectiveLine = {
  slo: string;
  objective: string;
  statistic: 'p95' | 'p99' | 'errorRate';
  value: number;
};

/** @public */
export type EntityTrend = {
  entityRef: string;
  scenario?: string;
  environment?: string;
  /** Every scenario and environment the entity has runs in, to pick from. */
  series: Array<{ scenario: string; environment: string; runs: number }>;
  /** Oldest first. */
  points: TrendPoint[];
  baseline?: {
    kind: 'median' | 'pinned';
    runIds: string[];
    p95?: number;
    p99?: number;
    errorRate?: number;
  };
  objectives: TrendObjectiveLine[];
};
