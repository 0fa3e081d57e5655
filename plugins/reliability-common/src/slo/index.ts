export * from './k6MetricSource';
export * from './evaluateSlo';
