import {
  OpenSloObjective,
  OpenSloObjectiveSet,
  OpenSloOperator,
} from '../openslo/types';
import { PerfResults } from '../perfResults';
import { k6Counts, k6Statistic, readK6MetricSource } from './k6MetricSource';

/** @public */
export type ObjectiveStatus = 'met' | 'missed' | 'no-data' | 'unsupported';

/**
 * One objective of an SLO judged on one run.
 *
 * @public
 */
export type ObjectiveEvaluation = {
  slo: string;
  /** Index of the objective in the SLO. */
  objective: number;
  displayName?: string;
  status: ObjectiveStatus;
  /** The measured value: a statistic (threshold SLIs) or a good ratio. */
  actual?: number;
  /** What had to hold, e.g. `p(95) of http_req_duration lt 500`. */
  expected: string;
  reason: string;
};

/** A run as the evaluation needs it. @public */
export type EvaluatedRun = { scenario: string; results: PerfResults };

const SYMBOL: Record<OpenSloOperator, string> = {
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
};

function holds(actual: number, op: OpenSloOperator, value: number): boolean {
  switch (op) {
    case 'lt':
      return actual < value;
    case 'lte':
      return actual <= value;
    case 'gt':
      return actual > value;
    default:
      return actual >= value;
  }
}

function format(n: number): string {
  return String(Number(n.toPrecision(4)));
}

/** The good ratio of a ratio SLI in one run, or why there is none. */
function goodRatio(
  slo: OpenSloObjectiveSet,
  run: EvaluatedRun,
):
  | { ratio: number; good: number; total: number }
  | { status: ObjectiveStatus; reason: string } {
  const indicator = slo.indicator;
  if (!indicator || indicator.type !== 'ratio') {
    return { status: 'unsupported', reason: 'not a ratio indicator' };
  }
  if (indicator.raw) {
    return {
      status: 'unsupported',
      reason: 'raw ratios are not read from k6 runs',
    };
  }
  const counted = indicator.good ?? indicator.bad;
  const parts = [counted, indicator.total].map(readK6MetricSource);
  for (const part of parts) {
    if ('error' in part) {
      return { status: 'unsupported', reason: part.error };
    }
  }
  const [countedQuery, totalQuery] = parts.map(p =>
    'query' in p ? p.query : undefined,
  );
  const scenario = countedQuery!.scenario ?? totalQuery!.scenario;
  if (scenario && scenario !== run.scenario) {
    return {
      status: 'no-data',
      reason: `the SLI reads scenario ${scenario}; this run is ${run.scenario}`,
    };
  }
  const events = k6Counts(run.results, countedQuery!);
  const total = k6Counts(run.results, totalQuery!);
  if (!events || !total) {
    return {
      status: 'no-data',
      reason: `the run has no ${
        !events ? countedQuery!.metric : totalQuery!.metric
      }`,
    };
  }
  if (total.whole === 0) {
    return { status: 'no-data', reason: `${total.key} counted no events` };
  }
  const good = indicator.good ? events.part : total.whole - events.part;
  return { ratio: good / total.whole, good, total: total.whole };
}

function evaluateObjective(
  slo: OpenSloObjectiveSet,
  objective: OpenSloObjective,
  index: number,
  run: EvaluatedRun,
): ObjectiveEvaluation {
  const base = {
    slo: slo.name,
    objective: index,
    ...(objective.displayName && { displayName: objective.displayName }),
  };
  const indicator = slo.indicator;
  if (!indicator) {
    return {
      ...base,
      status: 'unsupported',
      expected: '',
      reason: 'the SLO has no indicator',
    };
  }
  if (indicator.type === 'threshold') {
    const source = readK6MetricSource(indicator.metricSource);
    if ('error' in source) {
      return {
        ...base,
        status: 'unsupported',
        expected: '',
        reason: source.error,
      };
    }
    const { query } = source;
    if (!objective.op || objective.value === undefined) {
      return {
        ...base,
        status: 'unsupported',
        expected: '',
        reason: 'a threshold objective needs op and value',
      };
    }
    const statistic = query.statistic ?? 'p(95)';
    const expected = `${statistic} of ${query.metric} ${
      SYMBOL[objective.op]
    } ${format(objective.value)}`;
    if (query.scenario && query.scenario !== run.scenario) {
      return {
        ...base,
        status: 'no-data',
        expected,
        reason: `the SLI reads scenario ${query.scenario}; this run is ${run.scenario}`,
      };
    }
    const measured = k6Statistic(run.results, query);
    if (!measured) {
      return {
        ...base,
        status: 'no-data',
        expected,
        reason: `the run has no ${statistic} of ${query.metric}`,
      };
    }
    const met = holds(measured.value, objective.op, objective.value);
    return {
      ...base,
      status: met ? 'met' : 'missed',
      actual: measured.value,
      expected: `${measured.statistic} of ${measured.key} ${
        SYMBOL[objective.op]
      } ${format(objective.value)}`,
      reason: `${measured.statistic} was ${format(measured.value)}`,
    };
  }
  const op = objective.op ?? 'gte';
  const expected = `good ratio ${SYMBOL[op]} ${format(objective.target)}`;
  const ratio = goodRatio(slo, run);
  if ('status' in ratio) {
    return { ...base, status: ratio.status, expected, reason: ratio.reason };
  }
  const met = holds(ratio.ratio, op, objective.target);
  return {
    ...base,
    status: met ? 'met' : 'missed',
    actual: ratio.ratio,
    expected,
    reason: `${ratio.good} good of ${ratio.total} (${format(ratio.ratio)})`,
  };
}

/**
 * Judges every objective of an SLO on one run.
 *
 * @public
 */
export function evaluateSloOnRun(
  slo: OpenSloObjectiveSet,
  run: EvaluatedRun,
): ObjectiveEvaluation[] {
  return slo.objectives.map((objective, index) =>
    evaluateObjective(slo, objective, index, run),
  );
}

/**
 * Compliance of one objective over the runs of its time window, and what is
 * left of its error budget. Threshold SLIs count each run as one event;
 * ratio SLIs add up the events of every run.
 *
 * @public
 */
export type ObjectiveCompliance = {
  slo: string;
  objective: number;
  target: number;
  good: number;
  total: number;
  /** good / total; undefined without data. */
  compliance?: number;
  /** 1 − (1 − compliance) / (1 − target): 1 untouched, 0 spent, below 0 overspent. */
  errorBudgetRemaining?: number;
};

/** @public */
export function sloCompliance(
  slo: OpenSloObjectiveSet,
  runs: EvaluatedRun[],
): ObjectiveCompliance[] {
  return slo.objectives.map((objective, index) => {
    let good = 0;
    let total = 0;
    for (const run of runs) {
      if (slo.indicator?.type === 'ratio') {
        const ratio = goodRatio(slo, run);
        if (!('status' in ratio)) {
          good += ratio.good;
          total += ratio.total;
        }
      } else {
        const evaluation = evaluateObjective(slo, objective, index, run);
        if (evaluation.status === 'met' || evaluation.status === 'missed') {
          total += 1;
          if (evaluation.status === 'met') good += 1;
        }
      }
    }
    const compliance = total > 0 ? good / total : undefined;
    return {
      slo: slo.name,
      objective: index,
      target: objective.target,
      good,
      total,
      ...(compliance !== undefined && {
        compliance,
        errorBudgetRemaining: 1 - (1 - compliance) / (1 - objective.target),
      }),
    };
  });
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  M: 30 * 86_400_000,
  Q: 91 * 86_400_000,
  Y: 365 * 86_400_000,
};

/**
 * Milliseconds of an OpenSLO duration (`28d`, `1w`, `1M` = 30 days).
 *
 * @public
 */
export function durationMs(duration: string): number {
  const match = /^(\d+)([smhdwMQY])$/.exec(duration);
  if (!match) {
    throw new Error(`not an OpenSLO duration: ${duration}`);
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}
