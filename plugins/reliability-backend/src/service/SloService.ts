import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  durationMs,
  EntitySlo,
  EntitySlos,
  evaluateSloOnRun,
  OPENSLO_ANNOTATION,
  OpenSloObjectiveSet,
  readK6MetricSource,
  sloCompliance,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { readEntitySlos } from './entitySlos';

/** Runs considered per SLO window, newest first. */
const MAX_RUNS_PER_WINDOW = 500;

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
