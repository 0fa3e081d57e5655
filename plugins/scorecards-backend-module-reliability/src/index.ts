/**
 * The reliability family's scorecard facts. Add the module to a backend with
 * the scorecards and reliability plugins and components and resources are
 * scored on their SLOs, release gate, perf runs, DR drills and backups,
 * read from the reliability backend's entity records route.
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  DR_TARGETS_ANNOTATION,
  ReliabilityFactProvider,
  reliabilityFacts,
} from './ReliabilityFactProvider';
