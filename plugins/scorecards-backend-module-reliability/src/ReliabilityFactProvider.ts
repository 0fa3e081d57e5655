/*
 * The reliability family's facts, from what the reliability backend answers
 * about each entity: its SLOs, newest kept gate verdict, newest perf run and
 * its regression, drills and backups. The entities of a batch are read a
 * few at a time, each with its reads in parallel.
 */
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isNotFoundResponse,
  readEachBounded,
} from '@readiness/backend-http-utils';
import {
  EntityBackups,
  EntityDrills,
  EntitySlos,
  KeptGateVerdict,
  PerfRunSummary,
  RunRegression,
} from '@readiness/plugin-reliability-common';
import { ReliabilityService } from '@readiness/plugin-reliability-node';
import {
  FactValue,
  RELIABILITY_FACTS,
} from '@readiness/plugin-scorecards-common';
import {
  EntityFactValues,
  FactBatchRequest,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';

/** The kinds the reliability record covers. */
const KINDS = new Set(['component', 'resource']);

/** The annotation with an entity's own RTO/RPO targets (the reliability backend reads it). */
export const DR_TARGETS_ANNOTATION = 'readiness.dev/dr-targets';

/** What the reliability backend answers about one entity. */
export type EntityReliabilityRecord = {
  entity: Entity;
  slos: EntitySlos;
  drills: EntityDrills;
  backups: EntityBackups;
  newestGateVerdict?: KeptGateVerdict;
  newestRun?: PerfRunSummary;
  /** The newest run against its baseline; absent without a run or a baseline. */
  newestRunRegression?: RunRegression;
};

/** Every objective of every SLO met over its window; unknown while one has no data. */
function slosMet(slos: EntitySlos): boolean | undefined {
  if (slos.slos.length === 0) return undefined;
  const objectives = slos.slos.flatMap(slo => slo.compliance);
  if (objectives.length === 0) return undefined;
  if (objectives.some(o => o.compliance === undefined)) return undefined;
  return objectives.every(o => o.compliance! >= o.target);
}

/** The entity's own targets annotation, read without a problem. */
function drTargetsDeclared(record: EntityReliabilityRecord): boolean {
  const annotation =
    record.entity.metadata.annotations?.[DR_TARGETS_ANNOTATION];
  if (!annotation || annotation.trim() === '') return false;
  const ref = record.drills.entityRef.toLocaleLowerCase('en-US');
  return !record.drills.problems.some(
    p =>
      p.source === `annotation ${DR_TARGETS_ANNOTATION}` &&
      (p.entities ?? []).includes(ref),
  );
}

/**
 * The facts of one entity's reliability record. A fact the record cannot
 * tell (no kept verdict, no run, no drill, no backup, an SLO without data)
 * is left out, so the checks that need it are unknown.
 */
export function reliabilityFacts(
  record: EntityReliabilityRecord,
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {
    'reliability.slos-declared': record.slos.slos.length,
    'reliability.dr-targets-declared': drTargetsDeclared(record),
  };
  const met = slosMet(record.slos);
  if (met !== undefined) facts['reliability.slos-met'] = met;

  const verdict = record.newestGateVerdict;
  if (verdict) {
    facts['reliability.gate-verdict'] = verdict.status;
    facts['reliability.gate-decided-at'] = verdict.decidedAt;
  }

  if (record.newestRun) {
    facts['reliability.perf-run-newest-at'] = record.newestRun.finishedAt;
    const regression = record.newestRunRegression;
    if (regression && regression.regressed !== undefined) {
      facts['reliability.perf-regressions'] = new Set(
        regression.findings.filter(f => f.regressed).map(f => f.metric),
      ).size;
    }
  }

  // Newest first; never drilled is not within any cadence
  const [newestDrill] = record.drills.drills;
  facts['reliability.drill-within-cadence'] =
    newestDrill !== undefined && !record.drills.cadence.overdue;
  if (newestDrill) {
    facts['reliability.drill-newest-at'] = newestDrill.started;
    facts['reliability.rto-met'] = newestDrill.rtoMet;
    facts['reliability.rpo-met'] = newestDrill.rpoMet;
  }

  const { kinds } = record.backups;
  const restored = kinds
    .flatMap(k => (k.lastRestoreTested ? [k.lastRestoreTested] : []))
    .sort()
    .at(-1);
  if (restored) facts['reliability.backup-verified-at'] = restored;
  // An entity without backups (a stateless service) is unknown, not failed
  if (kinds.length > 0) {
    facts['reliability.backup-verified-in-window'] = kinds.every(
      k => k.status === 'verified',
    );
  }
  return facts;
}

/** The reliability facts of a batch, read from the reliability backend. */
export class ReliabilityFactProvider implements ScorecardFactProvider {
  readonly id = 'reliability';
  readonly facts = RELIABILITY_FACTS;

  constructor(
    private readonly deps: {
      reliability: ReliabilityService;
      auth: AuthService;
      /** Entities read at once; 4 by default. */
      concurrency?: number;
    },
  ) {}

  async computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]> {
    const entities = request.entities.filter(e =>
      KINDS.has(e.kind.toLocaleLowerCase('en-US')),
    );
    if (entities.length === 0) return [];
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const records = await readEachBounded(
      entities,
      entity => this.read(entity, credentials),
      { concurrency: this.deps.concurrency ?? 4, signal: request.signal },
    );
    return records.map(record => ({
      entityRef: stringifyEntityRef(record.entity),
      facts: reliabilityFacts(record),
    }));
  }

  private async read(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityReliabilityRecord> {
    const { reliability } = this.deps;
    const name = {
      kind: entity.kind,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
    };
    const options = { credentials };
    const [slos, drills, backups, verdicts, runs] = await Promise.all([
      reliability.getEntitySlos(name, options),
      reliability.getEntityDrills(name, options),
      reliability.getEntityBackups(name, options),
      reliability.listGateVerdicts(name, { limit: 1 }, options),
      reliability.listRuns(
        { entityRef: stringifyEntityRef(entity), limit: 1 },
        options,
      ),
    ]);
    const [newestRun] = runs.items;
    const newestRunRegression = newestRun
      ? await reliability.getRegression(newestRun.id, options).catch(error => {
          // A run the backend cannot compare is a run without a regression verdict
          if (isNotFoundResponse(error)) return undefined;
          throw error;
        })
      : undefined;
    return {
      entity,
      slos,
      drills,
      backups,
      ...(verdicts.items[0] && { newestGateVerdict: verdicts.items[0] }),
      ...(newestRun && { newestRun }),
      ...(newestRunRegression && { newestRunRegression }),
    };
  }
}
