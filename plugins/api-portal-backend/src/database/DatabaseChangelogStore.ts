import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  summarizeChanges,
  type ApiChange,
} from '@readiness/plugin-api-portal-common';
import { isoTime, keysetPage, retryTransient } from '@readiness/store-utils';
import { ChangelogItem, Page } from '@readiness/plugin-api-portal-common';
import { DiffRecord } from './DatabaseSpecStore';
import { migratedClient } from './migrations';

type EntryRow = {
  id: string;
  family: string;
  kind: string;
  entity_ref: string;
  from_entity_ref: string;
  from_revision_id: string;
  to_revision_id: string;
  from_version: string;
  to_version: string;
  breaking: boolean | number;
  summary: string;
  at: Date | string | number;
  changes: string | null;
};

/** Which entries a changelog query returns. */
export type ChangelogFilter = {
  family?: string;
  /** Only entries whose both sides are among these entities. */
  entityRefs?: string[];
  breakingOnly?: boolean;
};

/**
 * Diffs (once per pair of content hashes) and the changelog entries made
 * from them, newest first.
 */
export class DatabaseChangelogStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseChangelogStore> {
    return new DatabaseChangelogStore(await migratedClient(options.database));
  }

  /** The diff of a pair of texts, when it was computed before. */
  async getDiff(
    fromHash: string,
    toHash: string,
  ): Promise<DiffRecord | undefined> {
    const row = await this.db('api_spec_diffs')
      .where({ from_hash: fromHash, to_hash: toHash })
      .first();
    if (!row) return undefined;
    return {
      fromHash,
      toHash,
      rulesDigest: row.rules_digest,
      status: row.status,
      ...(row.status_message !== null && {
        statusMessage: row.status_message,
      }),
      breaking: Boolean(row.breaking),
      changes: JSON.parse(row.changes),
    };
  }

  /**
   * Pairs of texts whose kept diff was made by other rules than these and
   * that changelog entries show, oldest first.
   */
  async staleDiffs(
    rulesDigest: string,
    limit: number,
  ): Promise<Array<{ fromHash: string; toHash: string }>> {
    const rows = await this.db('api_spec_diffs as d')
      .select('d.from_hash', 'd.to_hash')
      .whereNot('d.rules_digest', rulesDigest)
      .whereExists(
        this.db('api_changelog as c')
          .select(this.db.raw('1'))
          .whereRaw('c.from_hash = d.from_hash')
          .whereRaw('c.to_hash = d.to_hash'),
      )
      .orderBy([
        { column: 'd.computed_at', order: 'asc' },
        { column: 'd.from_hash', order: 'asc' },
        { column: 'd.to_hash', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(row => ({ fromHash: row.from_hash, toHash: row.to_hash }));
  }

  /**
   * Replaces the diff of a pair with one made by the current rules, and
   * gives the changelog entries of the pair its verdict and summary, at once.
   * A pair the current rules could not compare keeps its changes and
   * entries, with the reason, and is not compared again under these rules.
   */
  async replaceDiff(diff: DiffRecord): Promise<void> {
    const pair = { from_hash: diff.fromHash, to_hash: diff.toHash };
    const changes = diff.changes as ApiChange[];
    // A replacement: running it again after a transient failure is harmless
    await retryTransient(() =>
      this.db.transaction(async tx => {
        if (diff.status !== 'ok') {
          await tx('api_spec_diffs')
            .where(pair)
            .update({
              status_message: `kept from earlier rules: ${diff.statusMessage}`,
              rules_digest: diff.rulesDigest,
            });
          return;
        }
        await tx('api_spec_diffs')
          .where(pair)
          .update({
            status: 'ok',
            status_message: null,
            breaking: diff.breaking,
            changes: JSON.stringify(changes),
            rules_digest: diff.rulesDigest,
            computed_at: new Date(),
          });
        await tx('api_changelog')
          .where(pair)
          .update({
            breaking: diff.breaking,
            summary: summarizeChanges(changes),
          });
      }),
    );
  }

  async list(
    filter: ChangelogFilter,
    options: { cursor?: string; limit?: number },
  ): Promise<Page<ChangelogItem>> {
    const query = this.db('api_changelog as c')
      .leftJoin('api_spec_diffs as d', join =>
        join
          .on('d.from_hash', '=', 'c.from_hash')
          .andOn('d.to_hash', '=', 'c.to_hash'),
      )
      .select<EntryRow[]>(
        'c.id',
        'c.family',
        'c.kind',
        'c.entity_ref',
        'c.from_entity_ref',
        'c.from_revision_id',
        'c.to_revision_id',
        'c.from_version',
        'c.to_version',
        'c.breaking',
        'c.summary',
        'c.at',
        'd.changes',
      );
    if (filter.family) query.where('c.family', filter.family);
    if (filter.breakingOnly) query.where('c.breaking', true);
    if (filter.entityRefs) {
      query
        .whereIn('c.entity_ref', filter.entityRefs)
        .whereIn('c.from_entity_ref', filter.entityRefs);
    }
    return keysetPage(query, {
      timeColumn: 'c.at',
      idColumn: 'c.id',
      cursor: options.cursor,
      limit: options.limit,
      toItem: (row: EntryRow): ChangelogItem => ({
        id: row.id,
        family: row.family,
        kind: row.kind as ChangelogItem['kind'],
        entityRef: row.entity_ref,
        fromEntityRef: row.from_entity_ref,
        fromRevisionId: row.from_revision_id,
        toRevisionId: row.to_revision_id,
        fromVersion: row.from_version,
        toVersion: row.to_version,
        at: isoTime(row.at),
        breaking: Boolean(row.breaking),
        summary: row.summary,
        changes: row.changes ? (JSON.parse(row.changes) as ApiChange[]) : [],
      }),
      positionOf: item => ({ at: item.at, id: item.id }),
    });
  }

  /** Breaking entries per family since a time, counting only these entities when given. */
  async breakingSince(
    since: Date,
    entityRefs?: string[],
  ): Promise<Map<string, number>> {
    const query = this.db('api_changelog')
      .select('family')
      .count<Array<{ family: string; count: number | string }>>('id as count')
      .where('breaking', true)
      .where('at', '>=', since)
      .groupBy('family');
    if (entityRefs) {
      query
        .whereIn('entity_ref', entityRefs)
        .whereIn('from_entity_ref', entityRefs);
    }
    const rows = await query;
    return new Map(rows.map(row => [row.family, Number(row.count)]));
  }

  /**
   * The breaking entries of every family since a time, without their
   * changes: which versions each went between.
   */
  async breakingEntriesSince(since: Date): Promise<
    Array<{
      family: string;
      kind: ChangelogItem['kind'];
      fromVersion: string;
      toVersion: string;
    }>
  > {
    const rows = await this.db('api_changelog')
      .select<
        Array<{
          family: string;
          kind: ChangelogItem['kind'];
          from_version: string;
          to_version: string;
        }>
      >('family', 'kind', 'from_version', 'to_version')
      .where('breaking', true)
      .where('at', '>=', since)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => ({
      family: row.family,
      kind: row.kind,
      fromVersion: row.from_version,
      toVersion: row.to_version,
    }));
  }
}
