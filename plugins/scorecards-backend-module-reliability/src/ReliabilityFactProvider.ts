/*
 * The reliability family's facts, from the reliability records the
 * reliability backend answers for many entities at once (its SLOs, drills,
 * backups, newest kept gate verdict, newest perf run and that run's
 * regression verdict), one request per hundred entities of a batch.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityReliabilityRecord,
  EntitySlos,
  MAX_ENTITY_RECORDS,
  ReliabilityChange,
} from '@readiness/plugin-reliability-common';
import { ReliabilityService } from '@readiness/plugin-reliability-node';
import {
  FactValue,
  RELIABILITY_FACTS,
} from '@readiness/plugin-scorecards-common';
import {
  EntityFactValues,
  FactBatchRequest,
  FactChange,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';

/** The kinds the reliability record covers. */
const KINDS = new Set(['component', 'resource']);

/** The annotation with an entity's own RTO/RPO targets (the reliability backend reads it). */
export const DR_TARGETS_ANNOTATION = 'readiness.dev/dr-targets';

/** Every objective of every SLO met over its window; unknown while one has no data. */
function slosMet(slos: EntitySlos): boolean | undefined {
  if (slos.slos.length === 0) return undefined;
  const objectives = slos.slos.flatMap(slo => slo.compliance);
  if (objectives.length === 0) return undefined;
  if (objectives.some(o => o.compliance === undefined)) return undefined;
  return objectives.every(o => o.compliance! >= o.target);
}

/** The entity's own targets annotation, read without a problem. */
function drTargetsDeclared(
  entity: Entity,
  record: EntityReliabilityRecord,
): boolean {
  const annotation = entity.metadata.annotations?.[DR_TARGETS_ANNOTATION];
  if (!annotation || annotation.trim() === '') return false;
  const ref = record.entityRef.toLocaleLowerCase('en-US');
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
  entity: Entity,
  record: EntityReliabilityRecord,
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {
    'reliability.slos-declared': record.slos.slos.length,
    'reliability.dr-targets-declared': drTargetsDeclared(entity, record),
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

  private readonly listeners = new Set<(change: FactChange) => void>();

  constructor(
    private readonly deps: {
      reliability: ReliabilityService;
      auth: AuthService;
    },
  ) {}

  subscribe(listener: (change: FactChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells the listeners that the reliability records of these entities
   * changed (an event of the reliability backend), so their facts are
   * computed again now rather than at the nightly recompute.
   */
  recordsChanged(change: ReliabilityChange): void {
    if (change.entityRefs.length === 0) return;
    for (const listener of this.listeners) {
      listener({ entityRefs: change.entityRefs });
    }
  }

  async computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]> {
    const byRef = new Map<string, Entity>();
    for (const entity of request.entities) {
      if (KINDS.has(entity.kind.toLocaleLowerCase('en-US'))) {
        byRef.set(
          stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          entity,
        );
      }
    }
    const refs = [...byRef.keys()];
    if (refs.length === 0) return [];
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const answer: EntityFactValues[] = [];
    for (let i = 0; i < refs.length; i += MAX_ENTITY_RECORDS) {
      request.signal.throwIfAborted();
      const { items } = await this.deps.reliability.getEntityRecords(
        refs.slice(i, i + MAX_ENTITY_RECORDS),
        { credentials },
      );
      for (const record of items) {
        const entity = byRef.get(record.entityRef.toLocaleLowerCase('en-US'));
        if (!entity) continue;
        answer.push({
          entityRef: stringifyEntityRef(entity),
          facts: reliabilityFacts(entity, record),
        });
      }
    }
    return answer;
  }
}
