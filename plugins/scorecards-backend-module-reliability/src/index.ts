/**
 * The reliability family's scorecard facts. Add the module to a backend with
 * the scorecards and reliability plugins and components and resources are
 * scored on their SLOs, release gate, perf runs, DR drills and backups.
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  DR_TARGETS_ANNOTATION,
  ReliabilityFactProvider,
  reliabilityFacts,
  type EntityReliabilityRecord,
} from './ReliabilityFactProvider';
