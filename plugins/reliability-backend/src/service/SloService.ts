import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import {
  durationMs,
  EntitySlo,
  EntitySlos,
  evaluateSloOnRun,
  OPENSLO_ANNOTATION,
  sloCompliance,
  sloScenario,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { readEntitySlos } from './entitySlos';
import { MetricSourceRegistry } from './metricSources';
import { RecordMemo } from './RecordMemo';

/** Runs considered per SLO window, newest first. */
const MAX_RUNS_PER_WINDOW = 500;

export interface SloService {
  getEntitySlos(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntitySlos>;
}

export class DefaultSloService implements SloService {
  constructor(
    private readonly deps: {
      store: DatabasePerfRunStore;
      catalog: EntityReader;
      urlReader: UrlReaderService;
      metricSources?: MetricSourceRegistry;
      memo?: RecordMemo;
      now?: () => Date;
    },
  ) {}

  async getEntitySlos(entityRef: string): Promise<EntitySlos> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const ref = stringifyEntityRef(entity);
    const annotation = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
    const set = await readEntitySlos(entity, this.deps.urlReader);
    const compute = async (): Promise<EntitySlos> => {
      const now = (this.deps.now ?? (() => new Date()))().getTime();

      const slos: EntitySlo[] = [];
      const problems = [...set.problems];
      // One read for the widest window; each SLO takes its own window from it
      const widest = Math.max(
        0,
        ...set.slos
          .filter(slo => !this.deps.metricSources?.sourceOf(slo))
          .map(slo => durationMs(slo.timeWindow.duration)),
      );
      const recent =
        set.slos.length > 0
          ? await this.deps.store.runsSince(
              ref,
              new Date(now - widest).toISOString(),
              MAX_RUNS_PER_WINDOW,
            )
          : [];
      for (const slo of set.slos) {
        const source = this.deps.metricSources?.sourceOf(slo);
        if (source) {
          const judged = await this.deps.metricSources!.evaluate(
            source,
            ref,
            slo,
            new Date(now),
          );
          if ('problem' in judged) {
            problems.push(judged.problem);
            slos.push({ ...slo, compliance: [], runsInWindow: 0 });
          } else {
            const { latest, compliance } = judged.result;
            slos.push({
              ...slo,
              ...(latest && {
                latest: {
                  startedAt: latest.at,
                  source: source.type,
                  objectives: latest.objectives,
                },
              }),
              compliance,
              runsInWindow: 0,
            });
          }
          continue;
        }
        const since = now - durationMs(slo.timeWindow.duration);
        const scenario = sloScenario(slo);
        const runs = recent.filter(
          run =>
            Date.parse(run.startedAt) >= since &&
            (!scenario || run.scenario === scenario),
        );
        const newest = runs[0];
        slos.push({
          ...slo,
          ...(newest && {
            latest: {
              runId: newest.id,
              startedAt: newest.startedAt,
              source: 'k6',
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
        problems,
      };
    };
    // Other metric sources change on their own; only k6-judged views are kept
    const external = set.slos.some(slo =>
      this.deps.metricSources?.sourceOf(slo),
    );
    return this.deps.memo && !external
      ? this.deps.memo.remember(ref, ['slos', set.contentKey], compute)
      : compute();
  }
}
