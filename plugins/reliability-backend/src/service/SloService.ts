import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  durationMs,
  evaluateSloOnRun,
  ObjectiveCompliance,
  ObjectiveEvaluation,
  OpenSloObjectiveSet,
  OpenSloProblem,
  readK6MetricSource,
  sloCompliance,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { OPENSLO_ANNOTATION, readEntitySlos } from './entitySlos';

/** Runs considered per SLO window, newest first. */
const MAX_RUNS_PER_WINDOW = 500;

/** An SLO of an entity with its state from the perf runs. */
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

export type EntitySlos = {
  entityRef: string;
  /** The annotation's value, absent when the entity names no OpenSLO files. */
  annotation?: string;
  files: string[];
  slos: EntitySlo[];
  problems: OpenSloProblem[];
};

export interface SloService {
  getEntitySlos(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntitySlos>;
}

/** The scenario an SLO's k6 indicator is restricted to, if any. */
function sloScenario(slo: OpenSloObjectiveSet): string | undefined {
  const indicator = slo.indicator;
  const sources =
    indicator?.type === 'threshold'
      ? [indicator.metricSource]
      : [indicator?.good, indicator?.bad, indicator?.total];
  for (const source of sources) {
    const read = readK6MetricSource(source);
    if ('query' in read && read.query.scenario) return read.query.scenario;
  }
  return undefined;
}

export class DefaultSloService implements SloService {
  constructor(
    private readonly deps: {
      store: DatabasePerfRunStore;
      catalog: CatalogService;
      urlReader: UrlReaderService;
      now?: () => Date;
    },
  ) {}

  async getEntitySlos(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntitySlos> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, options);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const ref = stringifyEntityRef(entity);
    const annotation = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
    const set = await readEntitySlos(entity, this.deps.urlReader);
    const now = (this.deps.now ?? (() => new Date()))().getTime();

    const slos: EntitySlo[] = [];
    for (const slo of set.slos) {
      const since = new Date(
        now - durationMs(slo.timeWindow.duration),
      ).toISOString();
      const scenario = sloScenario(slo);
      const runs = (
        await this.deps.store.runsSince(ref, since, MAX_RUNS_PER_WINDOW)
      ).filter(run => !scenario || run.scenario === scenario);
      const newest = runs[0];
      slos.push({
        ...slo,
        ...(newest && {
          latest: {
            runId: newest.id,
            startedAt: newest.startedAt,
            ...(newest.release && { release: newest.release }),
            objectives: evaluateSloOnRun(slo, newest),
          },
        }),
        compliance: sloCompliance(slo, runs),
        runsInWindow: runs.length,
      });
    }
    return {
      entityRef: ref,
      ...(annotation && { annotation }),
      files: set.files,
      slos,
      problems: set.problems,
    };
  }
}
