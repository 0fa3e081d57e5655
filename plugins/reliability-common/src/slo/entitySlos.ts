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
    /** The run judged; absent when a metric source other than k6 judged it. */
    runId?: string;
    startedAt: string;
    /** The metric source that judged it: `k6`, or a registered source's type. */
    source?: string;
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
