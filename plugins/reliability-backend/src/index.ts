/**
 * Backend of the reliability plugins.
 *
 * @packageDocumentation
 */

export {
  DatabasePerfRunStore,
  type PerfRunFilter,
} from './database/DatabasePerfRunStore';
