export { K6ResultsError } from './K6ResultsError';
export { parseMetricKey, formatMetricKey } from './metricKey';
export {
  parseThresholdExpression,
  evaluateThreshold,
  type ThresholdExpression,
} from './thresholdExpression';
export { readK6Summary, detectK6SummaryFormat } from './readSummary';
