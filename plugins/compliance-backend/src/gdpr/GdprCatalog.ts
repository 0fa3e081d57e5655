/*
 * A replica's kept view of the catalog for the GDPR records: every entity's
 * title, owner and relations, the records of the entities that name one,
 * and the flows between entities. Read in pages at most once a minute, like
 * the compliance matrix's catalog; a question meanwhile is answered from
 * the kept view, and the records are read again with the catalog.
 */
import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeclaredDataFlow,
  GDPR_ANNOTATION,
  ProcessingRecordFile,
} from '@readiness/plugin-compliance-common';
import { FlowIndex, indexDataFlows } from './flows';
import { readEntityRecordFile } from './recordFile';

/** How long the kept catalog serves before it is read again. */
export const GDPR_CATALOG_REFRESH_MS = 60_000;

const PAGE_SIZE = 500;

// People and catalog plumbing neither hold records nor take part in flows
const SKIPPED_KINDS = new Set(['user', 'location', 'template']);

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'relations',
];

/** An entity of the kept catalog. */
export type GdprCatalogEntity = {
  ref: string;
  title: string;
  /** The entity ref of its owner; empty without one. */
  owner: string;
};

/** The record of an entity with the annotation, as read. */
export type KeptRecord = ProcessingRecordFile & { file: string };

export type GdprSnapshot = {
  at: Date;
  entities: Map<string, GdprCatalogEntity>;
  /** By entity ref, sorted. */
  records: Map<string, KeptRecord>;
  flows: FlowIndex;
};

function ownerOf(entity: Entity): string {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') return '';
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return '';
  }
}

export class GdprCatalog {
  #snapshot?: GdprSnapshot;
  #loading?: Promise<GdprSnapshot>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The kept view; read again in the background once it is a minute old. */
  async snapshot(): Promise<GdprSnapshot> {
    const snapshot = this.#snapshot;
    const stale =
      !snapshot ||
      this.now().getTime() - snapshot.at.getTime() >= GDPR_CATALOG_REFRESH_MS;
    if (stale && !this.#loading) {
      this.#loading = this.read()
        .then(read => {
          this.#snapshot = read;
          return read;
        })
        .finally(() => {
          this.#loading = undefined;
        });
      if (snapshot) {
        // Served from the kept one meanwhile; a failure is logged, and the
        // next question tries again
        this.#loading.catch(error =>
          this.deps.logger.warn(
            `Could not read the catalog for the GDPR records: ${
              (error as Error).message
            }`,
          ),
        );
      }
    }
    return snapshot ?? this.#loading!;
  }

  private async read(): Promise<GdprSnapshot> {
    const at = this.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const read: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: FIELDS }
          : {
              limit: PAGE_SIZE,
              fields: FIELDS,
              orderFields: { field: 'metadata.name', order: 'asc' },
            },
        { credentials },
      );
      read.push(
        ...page.items.filter(
          e => !SKIPPED_KINDS.has(e.kind.toLocaleLowerCase('en-US')),
        ),
      );
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    const entities = new Map<string, GdprCatalogEntity>();
    const annotated: Array<[string, Entity]> = [];
    for (const entity of read) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      entities.set(ref, {
        ref,
        title: entity.metadata.title ?? entity.metadata.name,
        owner: ownerOf(entity),
      });
      if (entity.metadata.annotations?.[GDPR_ANNOTATION] !== undefined) {
        annotated.push([ref, entity]);
      }
    }
    annotated.sort(([a], [b]) => (a < b ? -1 : Number(a > b)));
    const records = new Map<string, KeptRecord>();
    for (const [ref, entity] of annotated) {
      records.set(ref, await readEntityRecordFile(entity, this.deps.urlReader));
    }
    const declared = new Map<string, DeclaredDataFlow[]>();
    for (const [ref, kept] of records) {
      if (kept.record) declared.set(ref, kept.record.flows);
    }
    const flows = indexDataFlows(
      read.map(entity => ({
        ref: stringifyEntityRef(entity),
        relations: entity.relations ?? [],
      })),
      declared,
    );
    return { at, entities, records, flows };
  }
}
