/*
 * Scores entities again: asks every fact provider for a batch of catalog
 * entities at once, records the facts that changed, evaluates every check
 * and stores each entity's result and its day's snapshot. A full recompute
 * pages through the catalog; an event recomputes the entities it names; a
 * push of facts scores its entity from the stored facts. A provider records
 * only the facts it declares, so facts pushed by CI are never erased by it.
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { scorecardSubjectOf } from '@readiness/plugin-scorecards-common';
import {
  FactChange,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';
import { DatabaseFactStore, FactRecord } from '../database/DatabaseFactStore';
import {
  DatabaseScorecardStore,
  ScorecardResult,
} from '../database/DatabaseScorecardStore';
import { LoadedChecks } from './scorecardChecks';

/** What a recompute did. */
export type RecomputeReport = {
  entities: number;
  batches: number;
  failedBatches: number;
  /** Results removed because the catalog no longer holds their entity. */
  removed: number;
};

/** The lower-case ref of an entity, the key of everything stored. */
export function entityKey(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function ownerKey(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Recomputes scorecards: all of them (scheduled), or the entities a
 * provider's change names (events), queued so one runs at a time.
 */
export class ScorecardRecomputer {
  private readonly pending = new Set<string>();
  private draining?: Promise<void>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      facts: DatabaseFactStore;
      results: DatabaseScorecardStore;
      providers: readonly ScorecardFactProvider[];
      checks: LoadedChecks;
      batchSize: number;
      providerTimeout: HumanDuration;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private scores(entity: Entity): boolean {
    const { kinds } = this.deps.checks;
    return !kinds || kinds.includes(entity.kind.toLocaleLowerCase('en-US'));
  }

  /**
   * Scores every entity of the catalog a check may apply to, a page at a
   * time. A batch that fails is logged and the others still run; results of
   * entities the catalog no longer holds are removed once every batch
   * succeeded.
   */
  async recomputeAll(signal?: AbortSignal): Promise<RecomputeReport> {
    const report: RecomputeReport = {
      entities: 0,
      batches: 0,
      failedBatches: 0,
      removed: 0,
    };
    if (this.deps.checks.checks.length === 0) return report;
    const startedAt = this.now().toISOString();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { kinds } = this.deps.checks;
    let cursor: string | undefined;
    do {
      signal?.throwIfAborted();
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.deps.batchSize }
          : {
              ...(kinds && { filter: { kind: [...kinds] } }),
              limit: this.deps.batchSize,
              orderFields: { field: 'metadata.name', order: 'asc' },
            },
        { credentials },
      );
      const entities = page.items.filter(e => this.scores(e));
      if (entities.length > 0) {
        report.batches += 1;
        try {
          await this.scoreBatch(entities, signal);
          report.entities += entities.length;
        } catch (error) {
          if (signal?.aborted) throw error;
          report.failedBatches += 1;
          this.deps.logger.warn(
            `Scorecards: a batch of ${entities.length} entities was not scored: ${error}`,
          );
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    if (report.failedBatches === 0) {
      report.removed = await this.deps.results.removeResultsComputedBefore(
        startedAt,
      );
    }
    return report;
  }

  /** Scores the named entities again (those the catalog still holds). */
  async recomputeEntities(entityRefs: readonly string[]): Promise<number> {
    const refs = [
      ...new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US'))),
    ];
    if (refs.length === 0 || this.deps.checks.checks.length === 0) return 0;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    let scored = 0;
    for (let i = 0; i < refs.length; i += this.deps.batchSize) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + this.deps.batchSize) },
        { credentials },
      );
      const entities = items.filter(
        (e): e is Entity => e !== undefined && this.scores(e),
      );
      if (entities.length > 0) {
        await this.scoreBatch(entities);
        scored += entities.length;
      }
    }
    return scored;
  }

  /**
   * Listens to every provider that signals changes and recomputes the
   * entities each change names, one change after another. Returns a
   * function that stops listening.
   */
  listen(): () => void {
    const stops = this.deps.providers.flatMap(provider =>
      provider.subscribe
        ? [provider.subscribe(change => this.enqueue(provider, change))]
        : [],
    );
    return () => stops.forEach(stop => stop());
  }

  /** Resolves when every change heard so far is scored. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private enqueue(provider: ScorecardFactProvider, change: FactChange) {
    for (const ref of change.entityRefs) {
      this.pending.add(ref.toLocaleLowerCase('en-US'));
    }
    this.deps.logger.debug(
      `Scorecards: ${provider.id} changed facts of ${change.entityRefs.length} entities`,
    );
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain() {
    while (this.pending.size > 0) {
      const refs = [...this.pending];
      this.pending.clear();
      try {
        await this.recomputeEntities(refs);
      } catch (error) {
        this.deps.logger.warn(
          `Scorecards: ${refs.length} changed entities were not scored: ${error}`,
        );
      }
    }
  }

  /**
   * Scores the named entities again from the facts stored now, without
   * asking the providers: after facts were pushed, only those changed.
   * Answers the results stored, of the entities the catalog holds and some
   * check may apply to.
   */
  async rescoreEntities(
    entityRefs: readonly string[],
  ): Promise<ScorecardResult[]> {
    const refs = [
      ...new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US'))),
    ];
    if (refs.length === 0 || this.deps.checks.checks.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const entities = items.filter(
      (e): e is Entity => e !== undefined && this.scores(e),
    );
    return this.evaluate(entities, this.now().toISOString());
  }

  /** Facts, evaluation and storage of one batch of entities. */
  private async scoreBatch(
    entities: readonly Entity[],
    signal?: AbortSignal,
  ): Promise<void> {
    const now = this.now().toISOString();
    const refs = entities.map(entityKey);
    const answers = await Promise.all(
      this.deps.providers.map(provider =>
        this.factsOf(provider, entities, refs, now, signal),
      ),
    );
    await this.deps.facts.recordFacts(answers.flat());
    await this.evaluate(entities, now);
  }

  /** Evaluates every check on the entities' stored facts and stores the results. */
  private async evaluate(
    entities: readonly Entity[],
    now: string,
  ): Promise<ScorecardResult[]> {
    if (entities.length === 0) return [];
    const refs = entities.map(entityKey);
    const facts = await this.deps.facts.currentFacts(refs);
    const { checks } = this.deps;
    const results: ScorecardResult[] = entities.map((entity, i) => {
      const card = checks.compiled.evaluate(
        scorecardSubjectOf(entity),
        facts.get(refs[i]) ?? {},
        now,
      );
      const owner = ownerKey(entity);
      return {
        entityRef: refs[i],
        ...(owner && { ownerRef: owner }),
        level: card.level,
        nextLevel: card.nextLevel,
        summary: {
          score: card.score,
          passed: card.passed,
          failed: card.failed,
          unknown: card.unknown,
          applicable: card.applicable,
          categories: card.categories,
        },
        outcomes: card.outcomes,
        checksDigest: checks.digest,
        computedAt: now,
      };
    });
    await this.deps.results.saveResults(results);
    return results;
  }

  /**
   * One provider's facts for a batch, as records of every fact it declares
   * for every entity: a fact it left out is recorded as no longer known. A
   * provider that fails or runs out of time is logged and records nothing,
   * so its facts keep their values.
   */
  private async factsOf(
    provider: ScorecardFactProvider,
    entities: readonly Entity[],
    refs: readonly string[],
    now: string,
    outer?: AbortSignal,
  ): Promise<FactRecord[]> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error('timed out')),
      durationToMilliseconds(this.deps.providerTimeout),
    );
    const stop = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', stop);
    let answer;
    try {
      answer = await Promise.race([
        provider.computeFacts({ entities, now, signal: controller.signal }),
        new Promise<never>((_, reject) => {
          controller.signal.addEventListener('abort', () =>
            reject(controller.signal.reason),
          );
        }),
      ]);
    } catch (error) {
      this.deps.logger.warn(
        `Scorecards: fact provider ${provider.id} gave no facts for ${entities.length} entities: ${error}`,
      );
      return [];
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', stop);
    }
    const declared = provider.facts.map(f => f.id);
    const known = new Set(declared);
    const byRef = new Map(
      answer.map(values => [
        values.entityRef.toLocaleLowerCase('en-US'),
        values,
      ]),
    );
    const undeclared = new Set<string>();
    const records: FactRecord[] = [];
    for (const ref of refs) {
      const values = byRef.get(ref);
      const observedAt = values?.observedAt ?? now;
      for (const factId of Object.keys(values?.facts ?? {})) {
        if (!known.has(factId)) undeclared.add(factId);
      }
      for (const factId of declared) {
        records.push({
          entityRef: ref,
          factId,
          value: values?.facts[factId] ?? null,
          observedAt,
        });
      }
    }
    if (undeclared.size > 0) {
      this.deps.logger.warn(
        `Scorecards: fact provider ${
          provider.id
        } gave facts it does not declare, left out: ${[...undeclared].join(
          ', ',
        )}`,
      );
    }
    return records;
  }
}
