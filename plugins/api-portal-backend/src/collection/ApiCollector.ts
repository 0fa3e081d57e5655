import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { familyOf } from '@readiness/plugin-api-portal-common';
import { isPartnerFacing } from '@readiness/plugin-partner-common';
import {
  ApiEntityState,
  DatabaseSpecStore,
} from '../database/DatabaseSpecStore';
import { SpecLinter } from '../lint/SpecLinter';
import { SpecRevision } from '@readiness/plugin-api-portal-common';
import { ChangeDetector } from './ChangeDetector';
import {
  definitionHash,
  InspectLimits,
  inspectDefinition,
} from './inspectDefinition';

/** The entity fields collection reads; the rest of an entity is not fetched. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
  'spec.definition',
];

/** What one collection pass did. */
export type CollectionReport = {
  entities: number;
  /** Entities whose definition became a new (or earlier) revision. */
  changed: number;
  failed: number;
  linted: number;
  durationMs: number;
};

/** The outcome of collecting one entity. */
export type CollectedEntity = { revision: SpecRevision; changed: boolean };

function definitionOf(entity: Entity): unknown {
  return (entity.spec as { definition?: unknown } | undefined)?.definition;
}

function specTypeOf(entity: Entity): string | undefined {
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

/**
 * Collects the definitions of the catalog's API entities into spec
 * revisions. A pass reads the catalog in pages and the kept hashes of a page
 * in one query; an entity whose definition hashes as before costs nothing
 * more. A changed definition is read within limits, compared with what came
 * before and kept in one transaction; then every new text is linted once.
 * One entity failing never stops the others.
 */
export class ApiCollector {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      specs: DatabaseSpecStore;
      detector: ChangeDetector;
      linter: SpecLinter;
      limits: InspectLimits;
      pageSize: number;
    },
  ) {}

  /** One pass over every API entity of the catalog, then lint. */
  async collectAll(signal?: AbortSignal): Promise<CollectionReport> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const report = { entities: 0, changed: 0, failed: 0, linted: 0 };
    let cursor: string | undefined;
    try {
      do {
        const response = await this.deps.catalog.queryEntities(
          cursor
            ? { cursor, limit: this.deps.pageSize, fields: FIELDS }
            : {
                filter: { kind: 'API' },
                limit: this.deps.pageSize,
                fields: FIELDS,
                orderFields: { field: 'metadata.name', order: 'asc' },
              },
          { credentials },
        );
        const page = await this.collectPage(response.items);
        report.entities += response.items.length;
        report.changed += page.changed;
        report.failed += page.failed;
        cursor = response.pageInfo.nextCursor;
      } while (cursor && !signal?.aborted);
      report.linted = await this.deps.linter.lintPending({ signal });
    } finally {
      this.deps.detector.reset();
    }
    return { ...report, durationMs: Date.now() - started };
  }

  /** Collects one API entity now (the refresh endpoint), then lints its text. */
  async refresh(entityRef: string): Promise<CollectedEntity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (entity.kind.toLocaleLowerCase('en-US') !== 'api') {
      throw new InputError(
        `kind: ${entityRef} is a ${entity.kind}; only API entities have definitions`,
      );
    }
    try {
      const ref = stringifyEntityRef(entity);
      const states = await this.deps.specs.statesOf([ref]);
      const collected = await this.collectEntity(entity, states.get(ref));
      await this.deps.linter.lintPending({
        contentHash: collected.contentHash,
      });
      const revision = await this.deps.specs.getRevision(collected.revisionId);
      if (!revision) {
        throw new NotFoundError(`No revision ${collected.revisionId}`);
      }
      return { revision, changed: collected.changed };
    } finally {
      this.deps.detector.reset();
    }
  }

  private async collectPage(entities: Entity[]) {
    const refs = entities.map(e => stringifyEntityRef(e));
    const states = await this.deps.specs.statesOf(refs);
    let changed = 0;
    let failed = 0;
    for (const [index, entity] of entities.entries()) {
      try {
        const outcome = await this.collectEntity(
          entity,
          states.get(refs[index]),
        );
        if (outcome.changed) changed += 1;
      } catch (error) {
        failed += 1;
        this.deps.logger.error(
          `Could not collect the definition of ${refs[index]}: ${
            (error as Error).message
          }`,
        );
      }
    }
    return { changed, failed };
  }

  /** Collects one entity; the unchanged path reads nothing from the database. */
  private async collectEntity(
    entity: Entity,
    state: ApiEntityState | undefined,
  ): Promise<{ revisionId: string; contentHash: string; changed: boolean }> {
    const entityRef = stringifyEntityRef(entity);
    const definition = definitionOf(entity);
    const about = {
      entityRef,
      family: familyOf(entity),
      partnerFacing: isPartnerFacing(entity),
    };
    const hash = definitionHash(
      typeof definition === 'string' ? definition : '',
    );
    if (state && state.currentContentHash === hash) {
      if (
        state.family !== about.family ||
        state.partnerFacing !== about.partnerFacing
      ) {
        await this.deps.specs.updateEntity(about);
      }
      return {
        revisionId: state.currentRevisionId,
        contentHash: hash,
        changed: false,
      };
    }
    const earlier = await this.deps.specs.findRevision(entityRef, hash);
    if (earlier) {
      // The definition changed back to one seen before
      await this.deps.specs.makeCurrent(about, earlier);
      return { revisionId: earlier.id, contentHash: hash, changed: true };
    }
    const inspected = await inspectDefinition(
      specTypeOf(entity),
      definition,
      this.deps.limits,
    );
    const { content, ...described } = inspected;
    const revision: SpecRevision = {
      id: randomUUID(),
      entityRef,
      family: about.family,
      ...described,
      firstSeenAt: new Date().toISOString(),
    };
    const previous = state
      ? await this.deps.specs.getRevision(state.currentRevisionId)
      : undefined;
    const { diffs, changelog } = await this.deps.detector.detect(
      revision,
      previous,
      content,
    );
    const kept = await this.deps.specs.recordRevision({
      revision,
      ...(content !== undefined && { content }),
      entity: about,
      diffs,
      changelog,
    });
    return {
      revisionId: kept.revision.id,
      contentHash: kept.revision.contentHash,
      changed: true,
    };
  }
}
