/**
 * Node.js parts of the reliability plugins: the k6 stream summariser, the
 * metric-source and publication-source extension points and the service
 * other backends read the reliability record through.
 *
 * @packageDocumentation
 */

export {
  summarizeK6JsonStream,
  type K6JsonStreamOptions,
} from './k6/summarizeK6JsonStream';
export * from './extensions/metricSources';
export * from './extensions/reliabilityService';
export * from './extensions/publicationSources';
