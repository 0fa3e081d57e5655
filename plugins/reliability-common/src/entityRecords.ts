import { EntityBackups } from './backups/backups';
import type { KeptGateVerdict } from './client/ReliabilityClient';
import { EntityDrills } from './drills/drills';
import { PerfRunSummary } from './perfRun';
import { RunRegression } from './regression/regression';
import { EntitySlos } from './slo/entitySlos';

/**
 * Entities one request for entity records may name.
 *
 * @public
 */
export const MAX_ENTITY_RECORDS = 100;

/**
 * The reliability record of one entity in one answer, for backends that
 * read many entities at once (the scorecards facts): what its SLOs, drills
 * and backups routes answer, its newest kept gate verdict, and its newest
 * perf run with that run's regression verdict.
 *
 * @public
 */
export type EntityReliabilityRecord = {
  entityRef: string;
  slos: EntitySlos;
  drills: EntityDrills;
  backups: EntityBackups;
  /** Absent when no verdict of the entity was kept. */
  newestGateVerdict?: KeptGateVerdict;
  /** The newest run by start; absent when none was published. */
  newestRun?: PerfRunSummary;
  /** The newest run against its baseline. */
  newestRunRegression?: RunRegression;
};
