import { OpenSloObjectiveSet, OpenSloProblem } from '../openslo/types';
import { ObjectiveCompliance, ObjectiveEvaluation } from './evaluateSlo';

/**
 * Annotation naming an entity's OpenSLO files: comma-separated paths relative
 * to the entity's catalog file, or URLs.
 *
 * @public
 */
export const OPENSLO_ANNOTATION = 'readiness.dev/openslo';

/** An SLO of an entity with its state from the perf runs. @public */
export type EntitySlo = OpenSloObjectiveSet & {
  /** The objectives judged on the newest run the SLO applies to. */
  latest?: {
    runId: string;
    startedAt: string;
    release?: string;
    objectives: ObjectiveEvaluation[];
  };
  /** Compliance and error budget over the runs of the time window. */
  compliance: ObjectiveCompliance[];
  runsInWindow: number;
};

/** @public */
export type EntitySlos = {
  entityRef: string;
  /** The annotation's value, absent when the entity names no OpenSLO files. */
  annotation?: string;
  files: string[];
  slos: EntitySlo[];
  problems: OpenSloProblem[];
};
