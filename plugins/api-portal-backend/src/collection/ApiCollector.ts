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
import { ChangeDetector, ParsedTexts } from './ChangeDetector';
import { WorkerPool } from '../worker/runWorker';
import {
  definitionHash,
  InspectedDefinition,
  InspectLimits,
  inspectDefinition,
} from './inspectDefinition';

/** What an inspection found, without the text (which the entity holds). */
type Inspection = Omit<InspectedDefinition, 'content'>;

/**
 * What one pass (or one refresh) has read so far: inspections by spec type
 * and content hash, so entities sharing a text have it parsed once, and the
 * texts parsed for diffs. Each pass has its own; nothing outlives it.
 */
type Pass = {
  inspections: Map<string, Promise<Inspection>>;
  parsed: ParsedTexts;
};

function newPass(): Pass {
  return { inspections: new Map(), parsed: new Map() };
}

/** The entity fields collection reads; the rest of an entity is not fetched. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.etag',
  'metadata.annotations',
  'spec.type',
  'spec.definition',
];

/** Entities whose definitions are read in one catalog request. */
const DEFINITION_BATCH = 20;

/**
 * The fields a pass lists: enough to tell which entities the catalog changed
 * since their definitions were read (`metadata.etag` changes with any change
 * of the entity); only those are read whole.
 */
const LIST_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.etag',
];

/** What one collection pass did. */
export type CollectionReport = {
  entities: number;
  /** Entities whose definition became a new (or earlier) revision. */
  changed: number;
  failed: number;
  linted: number;
  /** Pairs compared again because the diff rules changed since their diff. */
  rediffed: number;
  durationMs: number;
};

/** The outcome of collecting one entity. */
export type CollectedEntity = { revision: SpecRevision; changed: boolean };

function etagOf(entity: Entity): string | undefined {
  const etag = entity.metadata.etag;
  return typeof etag === 'string' && etag.length > 0 ? etag : undefined;
}

function definitionOf(entity: Entity): unknown {
  return (entity.spec as { definition?: unknown } | undefined)?.definition;
}

/** The content hash of a definition; a missing one hashes as empty text. */
function hashOf(definition: unknown): string {
  return definitionHash(typeof definition === 'string' ? definition : '');
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
      workers: WorkerPool;
      pageSize: number;
      /**
       * How often a pass reads every definition instead of trusting the
       * catalog's etags (a provider may set an etag of its own).
       */
      fullPassEveryMs: number;
      now?: () => number;
    },
  ) {}

  /** When the last complete pass read every definition. */
  private lastFullPass?: number;

  /**
   * One pass over every API entity of the catalog, then lint. The catalog is
   * listed in pages of names and etags; the definitions of entities whose
   * etag differs from the one kept (or of all, in a full pass) are read in
   * one request per page.
   */
  async collectAll(signal?: AbortSignal): Promise<CollectionReport> {
    const started = Date.now();
    const now = this.deps.now ?? Date.now;
    const full =
      this.lastFullPass === undefined ||
      now() - this.lastFullPass >= this.deps.fullPassEveryMs;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const report = {
      entities: 0,
      changed: 0,
      failed: 0,
      linted: 0,
      rediffed: 0,
    };
    const pass = newPass();
    const listed = new Set<string>();
    let cursor: string | undefined;
    do {
      const response = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.deps.pageSize, fields: LIST_FIELDS }
          : {
              filter: { kind: 'API' },
              limit: this.deps.pageSize,
              fields: LIST_FIELDS,
              orderFields: { field: 'metadata.name', order: 'asc' },
            },
        { credentials },
      );
      const refs = response.items.map(e => stringifyEntityRef(e));
      for (const ref of refs) listed.add(ref);
      const states = await this.deps.specs.statesOf(refs);
      const toRead = refs.filter((ref, i) => {
        const etag = etagOf(response.items[i]);
        return full || !etag || states.get(ref)?.catalogEtag !== etag;
      });
      // Definitions are read a few entities at a time: a page of large
      // definitions would be one answer of hundreds of megabytes
      for (let i = 0; i < toRead.length; i += DEFINITION_BATCH) {
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          {
            entityRefs: toRead.slice(i, i + DEFINITION_BATCH),
            fields: FIELDS,
          },
          { credentials },
        );
        // An entity deleted since the listing comes back undefined
        const entities = items.filter((e): e is Entity => !!e);
        const page = await this.collectPage(entities, states, pass);
        report.changed += page.changed;
        report.failed += page.failed;
        if (signal?.aborted) break;
      }
      report.entities += response.items.length;
      cursor = response.pageInfo.nextCursor;
    } while (cursor && !signal?.aborted);
    if (!signal?.aborted) {
      // Only a complete listing tells which APIs left the catalog; their
      // revisions and changelog stay as history
      const gone = await this.deps.specs.removeEntitiesOtherThan(listed);
      if (gone.length > 0) {
        this.deps.logger.info(
          `${gone.length} API entities left the catalog: ${gone.join(', ')}`,
        );
      }
      if (full) this.lastFullPass = now();
    }
    report.linted = await this.deps.linter.lintPending({ signal });
    // Entries made by rules since changed are made again
    report.rediffed = await this.deps.detector.refreshStale({ signal });
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
    const ref = stringifyEntityRef(entity);
    const states = await this.deps.specs.statesOf([ref]);
    const collected = await this.collectEntity(
      entity,
      states.get(ref),
      hashOf(definitionOf(entity)),
      newPass(),
    );
    const etag = etagOf(entity);
    if (etag) {
      await this.deps.specs.recordCatalogEtags([{ entityRef: ref, etag }]);
    }
    await this.deps.linter.lintPending({
      contentHash: collected.contentHash,
    });
    const revision = await this.deps.specs.getRevision(collected.revisionId);
    if (!revision) {
      throw new NotFoundError(`No revision ${collected.revisionId}`);
    }
    return { revision, changed: collected.changed };
  }

  /** Collects entities read whole, then notes the etags of those collected. */
  private async collectPage(
    entities: Entity[],
    states: Map<string, ApiEntityState>,
    pass: Pass,
  ) {
    const refs = entities.map(e => stringifyEntityRef(e));
    const etags: Array<{ entityRef: string; etag: string }> = [];
    const hashes = entities.map(e => hashOf(definitionOf(e)));
    await this.inspectAhead(
      entities.flatMap((entity, i) =>
        states.get(refs[i])?.currentContentHash === hashes[i]
          ? []
          : [{ entity, hash: hashes[i] }],
      ),
      pass,
    );
    let changed = 0;
    let failed = 0;
    for (const [index, entity] of entities.entries()) {
      try {
        const outcome = await this.collectEntity(
          entity,
          states.get(refs[index]),
          hashes[index],
          pass,
        );
        if (outcome.changed) changed += 1;
        const etag = etagOf(entity);
        if (etag && states.get(refs[index])?.catalogEtag !== etag) {
          etags.push({ entityRef: refs[index], etag });
        }
      } catch (error) {
        failed += 1;
        this.deps.logger.error(
          `Could not collect the definition of ${refs[index]}: ${
            (error as Error).message
          }`,
        );
      }
    }
    await this.deps.specs.recordCatalogEtags(etags);
    return { changed, failed };
  }

  /**
   * Parses the changed definitions of a page ahead of collecting them, as
   * many at once as the pool has workers; collecting then finds them in the
   * pass's inspections.
   */
  private async inspectAhead(
    changed: Array<{ entity: Entity; hash: string }>,
    pass: Pass,
  ): Promise<void> {
    const queue = [...changed];
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        // Failures are kept in the inspection itself
        await this.inspect(next.entity, next.hash, pass);
      }
    };
    await Promise.all(
      Array.from({ length: this.deps.workers.size }, () => lane()),
    );
  }

  /** What an entity's definition is, parsed once per text and spec type in a pass. */
  private async inspect(
    entity: Entity,
    hash: string,
    pass: Pass,
  ): Promise<InspectedDefinition> {
    const definition = definitionOf(entity);
    const specType = specTypeOf(entity);
    const key = `${specType ?? ''}\u0000${hash}`;
    let inspection = pass.inspections.get(key);
    if (!inspection) {
      inspection = inspectDefinition(
        specType,
        definition,
        this.deps.limits,
        this.deps.workers,
      ).then(({ content: _content, ...described }) => described);
      pass.inspections.set(key, inspection);
    }
    const described = await inspection;
    // The text is the entity's own (same hash); it is kept unless too large
    return described.status === 'too-large' ||
      described.status === 'no-definition'
      ? described
      : { ...described, content: definition as string };
  }

  /** Collects one entity; the unchanged path reads nothing from the database. */
  private async collectEntity(
    entity: Entity,
    state: ApiEntityState | undefined,
    hash: string,
    pass: Pass,
  ): Promise<{ revisionId: string; contentHash: string; changed: boolean }> {
    const entityRef = stringifyEntityRef(entity);
    const about = {
      entityRef,
      family: familyOf(entity),
      partnerFacing: isPartnerFacing(entity),
    };
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
    const inspected = await this.inspect(entity, hash, pass);
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
      pass.parsed,
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
