/**
 * Backend of the reliability plugins: perf runs published by CI.
 *
 * @packageDocumentation
 */

export { reliabilityPlugin as default } from './plugin';
export {
  DatabasePerfRunStore,
  type PerfRunFilter,
} from './database/DatabasePerfRunStore';
