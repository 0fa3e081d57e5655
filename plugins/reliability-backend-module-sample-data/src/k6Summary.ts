/*
 * A k6 end-of-test summary (the JSON a script's handleSummary writes, as the
 * sample platform's scripts in scripts/perf/k6 do) for a sample run, built
 * from a few headline figures with k6's usual spread around them.
 */
import { around } from '@readiness/sample-data';

/** The headline figures of one run. */
export type RunFigures = {
  /** p95 of every request's duration, milliseconds. */
  p95: number;
  /** Share of failed requests, 0 to 1. */
  errorRate: number;
  requests: number;
  requestsPerIteration: number;
  durationMs: number;
  vus: number;
  /** The script's latency thresholds on successful requests, milliseconds. */
  limits: { p95: number; p99: number };
  /** The checks the script makes on each iteration. */
  checks: string[];
  /** A queue the script watches (the queue metrics convention). */
  queue?: { name: string; depth: number; drainP95: number; maxDepth: number };
  /** A custom end-to-end trend with its p95 limit, milliseconds. */
  endToEnd?: { metric: string; p95: number; limit: number };
};

type Random = () => number;

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Trend statistics around a p95, shaped like a latency distribution. */
function trendAround(p95: number, random: Random) {
  // Narrow enough that a normal night stays within a 10 % regression tolerance
  const p99 = p95 * around(random, 1.5, 0.015);
  return {
    avg: round(p95 * around(random, 0.6, 0.05)),
    min: round(p95 * around(random, 0.07, 0.2)),
    med: round(p95 * around(random, 0.52, 0.05)),
    max: round(p99 * around(random, 2.4, 0.3)),
    'p(90)': round(p95 * around(random, 0.84, 0.03)),
    'p(95)': round(p95),
    'p(99)': round(p99),
  };
}

function trend(values: Record<string, number>, thresholds?: object) {
  return {
    type: 'trend',
    contains: 'time',
    values,
    ...(thresholds && { thresholds }),
  };
}

function counter(count: number, seconds: number, contains = 'default') {
  return {
    type: 'counter',
    contains,
    values: { count, rate: round(count / seconds, 6) },
  };
}

/** A rate metric whose rate is exactly its passes over all samples. */
function rate(passes: number, total: number, thresholds?: object) {
  return {
    type: 'rate',
    contains: 'default',
    values: {
      rate: total === 0 ? 0 : round(passes / total, 9),
      passes,
      fails: total - passes,
    },
    ...(thresholds && { thresholds }),
  };
}

/**
 * The handleSummary JSON of a run with these figures, and whether every
 * threshold held (k6 exits with 99 when one did not).
 */
export function k6HandleSummary(
  figures: RunFigures,
  random: Random,
): { summary: Record<string, unknown>; thresholdsPassed: boolean } {
  const seconds = figures.durationMs / 1000;
  const all = trendAround(figures.p95, random);
  const ok = trendAround(figures.p95 * around(random, 0.985, 0.005), random);
  const failed = Math.round(figures.requests * figures.errorRate);
  const iterations = Math.round(
    figures.requests / figures.requestsPerIteration,
  );
  const checkFails = Math.min(failed, iterations * figures.checks.length);
  const checkTotal = iterations * figures.checks.length;
  const verdicts: boolean[] = [];
  const held = (passed: boolean) => {
    verdicts.push(passed);
    return { ok: passed };
  };
  const metrics: Record<string, unknown> = {
    http_req_duration: trend(all),
    'http_req_duration{expected_response:true}': trend(ok, {
      [`p(95)<${figures.limits.p95}`]: held(ok['p(95)'] < figures.limits.p95),
      [`p(99)<${figures.limits.p99}`]: held(ok['p(99)'] < figures.limits.p99),
    }),
    http_req_failed: rate(failed, figures.requests, {
      'rate<0.01': held(failed / figures.requests < 0.01),
    }),
    http_reqs: counter(figures.requests, seconds),
    http_req_waiting: trend(trendAround(figures.p95 * 0.93, random)),
    http_req_blocked: trend(trendAround(0.02, random)),
    http_req_connecting: trend(trendAround(0.01, random)),
    http_req_sending: trend(trendAround(0.06, random)),
    http_req_receiving: trend(trendAround(0.4, random)),
    iterations: counter(iterations, seconds),
    iteration_duration: trend(
      trendAround(figures.p95 * figures.requestsPerIteration * 1.1, random),
    ),
    checks: rate(checkTotal - checkFails, checkTotal, {
      'rate>0.99': held((checkTotal - checkFails) / checkTotal > 0.99),
    }),
    data_received: counter(
      Math.round(figures.requests * around(random, 2300, 0.05)),
      seconds,
      'data',
    ),
    data_sent: counter(
      Math.round(figures.requests * around(random, 900, 0.05)),
      seconds,
      'data',
    ),
    vus: {
      type: 'gauge',
      contains: 'default',
      values: { value: 1, min: 1, max: figures.vus },
    },
    vus_max: {
      type: 'gauge',
      contains: 'default',
      values: { value: figures.vus, min: figures.vus, max: figures.vus },
    },
  };
  if (figures.queue) {
    const { name, depth, drainP95, maxDepth } = figures.queue;
    const deepest = Math.round(depth);
    const last = Math.round(deepest / 9);
    metrics[`queue_depth{queue:${name}}`] = {
      type: 'gauge',
      contains: 'default',
      values: { value: last, min: 0, max: deepest },
      thresholds: { [`value<${maxDepth}`]: held(last < maxDepth) },
    };
    metrics[`queue_drain_ms{queue:${name}}`] = trend(
      trendAround(drainP95, random),
    );
  }
  if (figures.endToEnd) {
    const { metric, p95, limit } = figures.endToEnd;
    const values = trendAround(p95, random);
    metrics[metric] = trend(values, {
      [`p(95)<${limit}`]: held(values['p(95)'] < limit),
    });
  }
  const perCheck = Math.floor(checkFails / Math.max(figures.checks.length, 1));
  return {
    summary: {
      root_group: {
        name: '',
        path: '',
        groups: [],
        checks: figures.checks.map((name, i) => {
          const fails =
            i === 0
              ? checkFails - perCheck * (figures.checks.length - 1)
              : perCheck;
          return { name, path: `::${name}`, passes: iterations - fails, fails };
        }),
      },
      options: {
        summaryTrendStats: [
          'avg',
          'min',
          'med',
          'max',
          'p(90)',
          'p(95)',
          'p(99)',
        ],
        summaryTimeUnit: '',
        noColor: false,
      },
      state: {
        isStdOutTTY: false,
        isStdErrTTY: false,
        testRunDurationMs: figures.durationMs,
      },
      metrics,
    },
    thresholdsPassed: verdicts.every(Boolean),
  };
}
