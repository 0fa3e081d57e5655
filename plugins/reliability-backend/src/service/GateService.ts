import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import {
  decideGate,
  GateRequest,
  Page,
  RegressionTolerances,
  RegressionVerdict,
  GateVerdict,
  ObjectiveEvaluation,
  validateGateRequest,
} from '@readiness/plugin-reliability-common';
import {
  DatabaseGateStore,
  StoredGateVerdict,
} from '../database/DatabaseGateStore';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { readEntitySlos } from './entitySlos';
import { MetricSourceRegistry } from './metricSources';
import { RecordMemo } from './RecordMemo';
import { EvidenceFiler } from './EvidenceFiler';
import { RecordChanges } from './RecordChanges';
import { regressionOf } from './regressionOf';

/**
 * Annotation listing the scenarios every release must have run, e.g.
 * `ledger-post, ledger-read`.
 *
 * @public
 */
export const REQUIRED_SCENARIOS_ANNOTATION = 'readiness.dev/required-scenarios';

/** Runs of one release considered, newest first. */
const MAX_RELEASE_RUNS = 200;

export interface GateService {
  /** The verdict of a release, computed for the caller and not kept. */
  evaluate(
    entityRef: string,
    request: { release?: unknown; environment?: unknown },
    options: { credentials: BackstageCredentials },
  ): Promise<GateVerdict>;
  /**
   * Throws unless the caller may keep verdicts; asked before the body of a
   * request to keep one is read.
   */
  authorizeRecord(options: {
    credentials: BackstageCredentials;
  }): Promise<void>;
  /** The verdict of the release in `body`, kept in the gate history. */
  record(
    entityRef: string,
    body: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<StoredGateVerdict>;
  history(
    entityRef: string,
    page: { release?: string; cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<Page<StoredGateVerdict>>;
}

export class DefaultGateService implements GateService {
  constructor(
    private readonly deps: {
      runs: DatabasePerfRunStore;
      gates: DatabaseGateStore;
      catalog: EntityReader;
      urlReader: UrlReaderService;
      baselineRuns: number;
      tolerances: RegressionTolerances;
      metricSources?: MetricSourceRegistry;
      memo?: RecordMemo;
      /** Files compliance evidence of the verdicts recorded as passed. */
      evidence?: EvidenceFiler;
      /** Told of every record stored for the first time. */
      changes?: RecordChanges;
    },
  ) {}

  private async entity(entityRef: string) {
    // Callers were authorized for this entity already; CI tokens may hold
    // reliability permissions only, so the lookup uses the plugin's credentials
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    return entity;
  }

  async evaluate(
    entityRef: string,
    request: { release?: unknown; environment?: unknown },
  ) {
    return this.decide(
      entityRef,
      validateGateRequest(request, { in: 'query' }),
    );
  }

  async authorizeRecord() {
    // Decided by the authorizing wrapper
  }

  async record(entityRef: string, body: unknown) {
    const request = validateGateRequest(body, { in: 'body' });
    const kept = await this.deps.gates.addVerdict(
      await this.decide(entityRef, request),
    );
    await this.deps.evidence?.gateRecorded(kept);
    await this.deps.changes?.changed('gate-verdict', [kept.entityRef]);
    return kept;
  }

  private async decide(entityRef: string, request: GateRequest) {
    const { release, environment } = request;
    const entity = await this.entity(entityRef);
    const ref = stringifyEntityRef(entity);
    const slos = await readEntitySlos(entity, this.deps.urlReader);
    const external = slos.slos.some(slo =>
      this.deps.metricSources?.sourceOf(slo),
    );
    const compute = () => this.judge(entity, ref, release, environment, slos);
    // The same runs, pins, SLO files and required scenarios give the same
    // verdict
    const required =
      entity.metadata.annotations?.[REQUIRED_SCENARIOS_ANNOTATION] ?? '';
    return this.deps.memo && !external
      ? await this.deps.memo.remember(
          ref,
          ['gate', release, environment, slos.contentKey, required],
          compute,
        )
      : await compute();
  }

  /** The verdict of a release from its newest runs, without keeping it. */
  private async judge(
    entity: Entity,
    ref: string,
    release: string,
    environment: string,
    readSlos: Awaited<ReturnType<typeof readEntitySlos>>,
  ): Promise<GateVerdict> {
    const slos = { ...readSlos, problems: [...readSlos.problems] };
    const runs = await this.deps.runs.newestRunsOfRelease(
      ref,
      release,
      environment,
      MAX_RELEASE_RUNS,
    );
    const regressions: Record<string, RegressionVerdict> = {};
    await Promise.all(
      runs.map(async run => {
        const regression = await regressionOf(this.deps.runs, run, this.deps);
        // A first run has nothing to regress against; that does not block
        regressions[run.id] =
          regression.baseline.runIds.length === 0
            ? {
                regressed: false,
                findings: [],
                reason: `${regression.reason}; no baseline yet`,
              }
            : regression;
      }),
    );
    const required = (
      entity.metadata.annotations?.[REQUIRED_SCENARIOS_ANNOTATION] ?? ''
    )
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
    // SLOs of other metric sources are judged by their source, now
    const externalObjectives: Record<string, ObjectiveEvaluation[]> = {};
    for (const slo of slos.slos) {
      const source = this.deps.metricSources?.sourceOf(slo);
      if (!source) continue;
      const judged = await this.deps.metricSources!.evaluate(
        source,
        ref,
        slo,
        new Date(),
      );
      if ('problem' in judged) {
        slos.problems.push(judged.problem);
      } else {
        externalObjectives[slo.name] = judged.result.latest?.objectives ?? [];
      }
    }
    const verdict = decideGate({
      entityRef: ref,
      release,
      environment,
      runs,
      slos: slos.slos,
      requiredScenarios: required,
      regressions,
      externalObjectives,
    });
    if (slos.problems.length > 0) {
      // SLOs that cannot be read cannot be judged
      verdict.reasons.push({
        input: 'slo',
        subject: slos.files.join(', '),
        status: 'unknown',
        message: `${slos.problems.length} problems in the OpenSLO files; the first: ${slos.problems[0].file} ${slos.problems[0].path}: ${slos.problems[0].message}`,
      });
      if (verdict.status === 'pass') verdict.status = 'unknown';
    }
    return verdict;
  }

  async history(
    entityRef: string,
    page: { release?: string; cursor?: string; limit?: number },
  ) {
    const entity = await this.entity(entityRef);
    return this.deps.gates.listVerdicts(stringifyEntityRef(entity), page);
  }
}
