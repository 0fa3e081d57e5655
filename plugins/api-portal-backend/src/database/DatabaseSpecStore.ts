import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  isoTime,
  isUniqueViolation,
  keysetPage,
  retryTransient,
} from '@readiness/store-utils';
import {
  ChangelogItem,
  Page,
  RevisionStatus,
  SpecFormat,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';
import { migratedClient } from './migrations';

type Time = Date | string | number;

type RevisionRow = {
  id: string;
  entity_ref: string;
  family: string;
  version: string | null;
  format: string;
  spec_version: string | null;
  title: string | null;
  size_bytes: number | string;
  content_hash: string;
  status: string;
  status_message: string | null;
  first_seen_at: Time;
};

type EntityRow = {
  entity_ref: string;
  family: string;
  partner_facing: boolean | number;
  current_revision_id: string;
  current_content_hash: string;
  catalog_etag?: string | null;
  updated_at: Time;
};

/** What the portal keeps about one API entity. */
export type ApiEntityState = {
  entityRef: string;
  family: string;
  partnerFacing: boolean;
  currentRevisionId: string;
  currentContentHash: string;
  /** The catalog's `metadata.etag` when the definition was last read. */
  catalogEtag?: string;
};

/** Rows per statement, well under SQLite's limit of bound variables. */
const BATCH = 100;

/** An API entity with its current revision. */
export type CurrentRevision = ApiEntityState & { revision: SpecRevision };

/** Changes between two texts, as computed once per pair. */
export type DiffRecord = {
  fromHash: string;
  toHash: string;
  /** Digest of the rules and limits that made it. */
  rulesDigest: string;
  status: 'ok' | 'error';
  statusMessage?: string;
  breaking: boolean;
  changes: unknown[];
};

/**
 * A changelog entry to keep with a new revision: the entry without its
 * changes (kept once per content pair as a diff) but with that pair.
 */
export type ChangelogRecord = Omit<ChangelogItem, 'changes'> & {
  fromHash: string;
  toHash: string;
};

/** Everything one collected definition writes, in one transaction. */
export type RevisionWrite = {
  revision: SpecRevision;
  /** The text, when it is kept (not for definitions over the size limit). */
  content?: string;
  entity: { entityRef: string; family: string; partnerFacing: boolean };
  diffs: DiffRecord[];
  changelog: ChangelogRecord[];
};

function toRevision(row: RevisionRow): SpecRevision {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    family: row.family,
    ...(row.version !== null && { version: row.version }),
    ...(row.title !== null && { title: row.title }),
    format: row.format as SpecFormat,
    ...(row.spec_version !== null && { specVersion: row.spec_version }),
    sizeBytes: Number(row.size_bytes),
    contentHash: row.content_hash,
    status: row.status as RevisionStatus,
    ...(row.status_message !== null && { statusMessage: row.status_message }),
    firstSeenAt: isoTime(row.first_seen_at),
  };
}

function toState(row: EntityRow): ApiEntityState {
  return {
    entityRef: row.entity_ref,
    family: row.family,
    partnerFacing: Boolean(row.partner_facing),
    currentRevisionId: row.current_revision_id,
    currentContentHash: row.current_content_hash,
    ...(row.catalog_etag && { catalogEtag: row.catalog_etag }),
  };
}

const REVISION_COLUMNS = [
  'r.id',
  'r.entity_ref',
  'r.family',
  'r.version',
  'r.format',
  'r.spec_version',
  'r.title',
  'r.size_bytes',
  'r.content_hash',
  'r.status',
  'r.status_message',
  'r.first_seen_at',
];

/**
 * Spec revisions, their texts (once per content hash) and the current
 * revision of every collected API entity. A revision, its text, the entity's
 * new current revision, its diffs and its changelog entries are written in
 * one transaction; writing the same (entity, content) again is a no-op.
 */
export class DatabaseSpecStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSpecStore> {
    return new DatabaseSpecStore(await migratedClient(options.database));
  }

  /** The kept state of these entities, in one query. */
  async statesOf(entityRefs: string[]): Promise<Map<string, ApiEntityState>> {
    const states = new Map<string, ApiEntityState>();
    if (entityRefs.length === 0) return states;
    const rows = await this.db<EntityRow>('api_entities').whereIn(
      'entity_ref',
      entityRefs,
    );
    for (const row of rows) states.set(row.entity_ref, toState(row));
    return states;
  }

  /** Every collected entity with its current version, from few columns. */
  async currentVersions(): Promise<
    Array<ApiEntityState & { version?: string }>
  > {
    const rows = await this.db('api_entities as e')
      .join('api_spec_revisions as r', 'r.id', 'e.current_revision_id')
      .select<Array<EntityRow & { version: string | null }>>(
        'e.entity_ref',
        'e.family',
        'e.partner_facing',
        'e.current_revision_id',
        'e.current_content_hash',
        'r.version',
      );
    return rows.map(row => ({
      ...toState(row),
      ...(row.version !== null && { version: row.version }),
    }));
  }

  /** The refs of every collected entity. */
  async entityRefs(): Promise<string[]> {
    const rows = await this.db('api_entities').select<
      Array<{ entity_ref: string }>
    >('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /** Every collected entity with its current revision. */
  async currentRevisions(
    filter: {
      family?: string;
      entityRef?: string;
      families?: string[];
      entityRefs?: string[];
    } = {},
  ): Promise<CurrentRevision[]> {
    const query = this.db('api_entities as e')
      .join('api_spec_revisions as r', 'r.id', 'e.current_revision_id')
      .select<Array<EntityRow & RevisionRow>>(
        'e.entity_ref as e_ref',
        'e.family as e_family',
        'e.partner_facing',
        'e.current_revision_id',
        'e.current_content_hash',
        'e.updated_at',
        ...REVISION_COLUMNS,
      );
    if (filter.family) query.where('e.family', filter.family);
    if (filter.entityRef) query.where('e.entity_ref', filter.entityRef);
    if (filter.families) query.whereIn('e.family', filter.families);
    if (filter.entityRefs) query.whereIn('e.entity_ref', filter.entityRefs);
    const rows = (await query) as Array<
      RevisionRow &
        EntityRow & {
          e_ref: string;
          e_family: string;
        }
    >;
    return rows.map(row => ({
      ...toState({ ...row, entity_ref: row.e_ref, family: row.e_family }),
      revision: toRevision(row),
    }));
  }

  async getRevision(id: string): Promise<SpecRevision | undefined> {
    const [row] = await this.db('api_spec_revisions as r')
      .select<RevisionRow[]>(REVISION_COLUMNS)
      .where('r.id', id)
      .limit(1);
    return row ? toRevision(row) : undefined;
  }

  async findRevision(
    entityRef: string,
    contentHash: string,
  ): Promise<SpecRevision | undefined> {
    const [row] = await this.db('api_spec_revisions as r')
      .select<RevisionRow[]>(REVISION_COLUMNS)
      .where({ 'r.entity_ref': entityRef, 'r.content_hash': contentHash })
      .limit(1);
    return row ? toRevision(row) : undefined;
  }

  /** Every revision of a family's entities, oldest first. */
  async familyRevisions(family: string): Promise<SpecRevision[]> {
    const rows = await this.db('api_spec_revisions as r')
      .select<RevisionRow[]>(REVISION_COLUMNS)
      .where('r.family', family)
      .orderBy([
        { column: 'r.first_seen_at', order: 'asc' },
        { column: 'r.id', order: 'asc' },
      ]);
    return rows.map(toRevision);
  }

  /** The distinct (entity, version) pairs the revisions of these families carry. */
  async familyVersions(
    families: string[],
  ): Promise<Array<{ family: string; entityRef: string; version?: string }>> {
    if (families.length === 0) return [];
    const rows = await this.db('api_spec_revisions')
      .distinct<
        Array<{ family: string; entity_ref: string; version: string | null }>
      >('family', 'entity_ref', 'version')
      .whereIn('family', families);
    return rows.map(row => ({
      family: row.family,
      entityRef: row.entity_ref,
      ...(row.version !== null && { version: row.version }),
    }));
  }

  /** The revisions of one entity, newest first. */
  async listRevisions(
    entityRef: string,
    options: { cursor?: string; limit?: number },
  ): Promise<Page<SpecRevision>> {
    const query = this.db('api_spec_revisions as r')
      .select<RevisionRow[]>(REVISION_COLUMNS)
      .where('r.entity_ref', entityRef);
    return keysetPage(query, {
      timeColumn: 'r.first_seen_at',
      idColumn: 'r.id',
      cursor: options.cursor,
      limit: options.limit,
      toItem: toRevision,
      positionOf: revision => ({ at: revision.firstSeenAt, id: revision.id }),
    });
  }

  /** The kept text of a content hash. */
  async getContent(contentHash: string): Promise<string | undefined> {
    const row = await this.db('api_spec_contents')
      .select<{ content: string }>('content')
      .where('content_hash', contentHash)
      .first();
    return row?.content;
  }

  /**
   * Keeps a new revision with its text, diffs and changelog entries and makes
   * it the entity's current one, in one transaction. When the same (entity,
   * content) was kept before (a retry, or another replica), nothing is
   * written but the entity's current revision, and the kept revision is
   * returned with `created: false`. So a transient database failure (also
   * one at the commit) runs it again.
   */
  async recordRevision(
    write: RevisionWrite,
  ): Promise<{ revision: SpecRevision; created: boolean }> {
    return retryTransient(() => this.recordRevisionOnce(write));
  }

  private async recordRevisionOnce(
    write: RevisionWrite,
  ): Promise<{ revision: SpecRevision; created: boolean }> {
    const { revision, content, entity } = write;
    try {
      await this.db.transaction(async tx => {
        if (content !== undefined) {
          await tx('api_spec_contents')
            .insert({
              content_hash: revision.contentHash,
              content,
              size_bytes: revision.sizeBytes,
              created_at: new Date(),
            })
            .onConflict('content_hash')
            .ignore();
        }
        await tx('api_spec_revisions').insert({
          id: revision.id,
          entity_ref: revision.entityRef,
          family: revision.family,
          version: revision.version ?? null,
          format: revision.format,
          spec_version: revision.specVersion ?? null,
          title: revision.title ?? null,
          size_bytes: revision.sizeBytes,
          content_hash: revision.contentHash,
          status: revision.status,
          status_message: revision.statusMessage ?? null,
          first_seen_at: new Date(revision.firstSeenAt),
        });
        await this.upsertEntity(tx, entity, revision);
        for (const diff of write.diffs) {
          await tx('api_spec_diffs')
            .insert({
              from_hash: diff.fromHash,
              to_hash: diff.toHash,
              status: diff.status,
              status_message: diff.statusMessage ?? null,
              breaking: diff.breaking,
              changes: JSON.stringify(diff.changes),
              rules_digest: diff.rulesDigest,
              computed_at: new Date(),
            })
            // A pair kept by other rules is replaced by this comparison
            .onConflict(['from_hash', 'to_hash'])
            .merge();
        }
        for (const entry of write.changelog) {
          await tx('api_changelog')
            .insert({
              id: entry.id,
              family: entry.family,
              kind: entry.kind,
              entity_ref: entry.entityRef,
              from_entity_ref: entry.fromEntityRef,
              from_revision_id: entry.fromRevisionId,
              to_revision_id: entry.toRevisionId,
              from_version: entry.fromVersion,
              to_version: entry.toVersion,
              from_hash: entry.fromHash,
              to_hash: entry.toHash,
              breaking: entry.breaking,
              summary: entry.summary,
              at: new Date(entry.at),
            })
            .onConflict(['from_revision_id', 'to_revision_id'])
            .ignore();
        }
      });
      return { revision, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const kept = await this.findRevision(
        revision.entityRef,
        revision.contentHash,
      );
      if (!kept) throw error;
      await this.makeCurrent(entity, kept);
      return { revision: kept, created: false };
    }
  }

  /** Makes a kept revision the entity's current one (a definition changed back). */
  async makeCurrent(
    entity: RevisionWrite['entity'],
    revision: SpecRevision,
  ): Promise<void> {
    await retryTransient(() => this.upsertEntity(this.db, entity, revision));
  }

  /** Updates what is kept from the entity itself (family, audience). */
  async updateEntity(entity: RevisionWrite['entity']): Promise<void> {
    await retryTransient(() =>
      this.db('api_entities').where('entity_ref', entity.entityRef).update({
        family: entity.family,
        partner_facing: entity.partnerFacing,
        updated_at: new Date(),
      }),
    );
  }

  /**
   * Forgets the entities that are not in `kept` (they left the catalog): they
   * are no longer current in their families. Their revisions, diffs and
   * changelog entries stay.
   */
  async removeEntitiesOtherThan(kept: ReadonlySet<string>): Promise<string[]> {
    const gone = (await this.entityRefs()).filter(ref => !kept.has(ref));
    for (let i = 0; i < gone.length; i += BATCH) {
      await retryTransient(() =>
        this.db('api_entities')
          .whereIn('entity_ref', gone.slice(i, i + BATCH))
          .delete(),
      );
    }
    return gone;
  }

  /** Notes the catalog etags of entities whose definitions were read. */
  async recordCatalogEtags(
    etags: Array<{ entityRef: string; etag: string }>,
  ): Promise<void> {
    if (etags.length === 0) return;
    await retryTransient(() =>
      this.db.transaction(async tx => {
        for (const { entityRef, etag } of etags) {
          await tx('api_entities')
            .where('entity_ref', entityRef)
            .update({ catalog_etag: etag });
        }
      }),
    );
  }

  private async upsertEntity(
    db: Knex | Knex.Transaction,
    entity: RevisionWrite['entity'],
    revision: SpecRevision,
  ) {
    await db('api_entities')
      .insert({
        entity_ref: entity.entityRef,
        family: entity.family,
        partner_facing: entity.partnerFacing,
        current_revision_id: revision.id,
        current_content_hash: revision.contentHash,
        updated_at: new Date(),
      })
      .onConflict('entity_ref')
      .merge();
  }
}
