import { PerfMetric } from '../perfResults';

const EXPRESSION =
  /^\s*(avg|min|med|max|count|rate|value|p\(\s*\d+(?:\.\d+)?\s*\))\s*(<=|>=|===|==|!==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*$/i;

/**
 * A parsed k6 threshold expression such as `p(95)<500` or `rate<0.01`.
 *
 * @public
 */
export interface ThresholdExpression {
  aggregation: string;
  operator: '<' | '<=' | '>' | '>=' | '==' | '!=';
  value: number;
}

/** @public */
export function parseThresholdExpression(
  expression: string,
): ThresholdExpression | undefined {
  const match = EXPRESSION.exec(expression);
  if (!match) {
    return undefined;
  }
  const aggregation = match[1].toLowerCase().replace(/\s+/g, '');
  const operator = match[2].replace('===', '==').replace('!==', '!=') as
    | ThresholdExpression['operator'];
  return { aggregation, operator, value: Number(match[3]) };
}

/** The value of an aggregation for a metric, as k6 names them. */
export function aggregationValue(
  metric: PerfMetric,
  aggregation: string,
): number | undefined {
  switch (metric.type) {
    case 'trend':
      return metric.stats[aggregation];
    case 'rate':
      return aggregation === 'rate' ? metric.rate : undefined;
    case 'counter':
      if (aggregation === 'count') return metric.count;
      if (aggregation === 'rate') return metric.ratePerSecond;
      return undefined;
    case 'gauge':
      if (aggregation === 'value') return metric.value;
      if (aggregation === 'min') return metric.min;
      if (aggregation === 'max') return metric.max;
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Evaluates a threshold expression against a metric's statistics; undefined
 * when the expression cannot be read or the statistic is missing.
 *
 * @public
 */
export function evaluateThreshold(
  metric: PerfMetric,
  expression: string,
): boolean | undefined {
  const parsed = parseThresholdExpression(expression);
  if (!parsed) {
    return undefined;
  }
  const actual = aggregationValue(metric, parsed.aggregation);
  if (actual === undefined) {
    return undefined;
  }
  switch (parsed.operator) {
    case '<':
      return actual < parsed.value;
    case '<=':
      return actual <= parsed.value;
    case '>':
      return actual > parsed.value;
    case '>=':
      return actual >= parsed.value;
    case '==':
      return actual === parsed.value;
    case '!=':
      return actual !== parsed.value;
    default:
      return undefined;
  }
}
