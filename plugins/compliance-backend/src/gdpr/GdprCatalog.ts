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
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeclaredDataFlow,
  entityRefOf,
  GDPR_ANNOTATION,
  ProcessingRecordFile,
} from '@readiness/plugin-compliance-common';
import { KeptCatalogValue, readCatalogEntities } from '../catalog/keptCatalog';
import { FlowIndex, indexDataFlows } from './flows';
import { readEntityRecordFile } from './recordFile';

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
  return (
    entityRefOf(
      entity.spec?.owner,
      'group',
      entity.metadata.namespace ?? 'default',
    ) ?? ''
  );
}

export class GdprCatalog {
  readonly #kept: KeptCatalogValue<GdprSnapshot>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.#kept = new KeptCatalogValue({
      read: () => this.read(),
      logger: deps.logger,
      purpose: 'the GDPR records',
      isEmpty: snapshot => snapshot.entities.size === 0,
      now: deps.now,
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The kept view; read again in the background once it is a minute old. */
  snapshot(): Promise<GdprSnapshot> {
    return this.#kept.get();
  }

  private async read(): Promise<GdprSnapshot> {
    const at = this.now();
    const read = await readCatalogEntities(this.deps, FIELDS);

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
