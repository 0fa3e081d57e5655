export * from './k6MetricSource';
export * from './evaluateSlo';
export * from './entitySlos';
