import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  EvidenceItem,
  EvidenceResult,
  EvidenceSource,
  EvidenceWithdrawal,
} from '@readiness/plugin-compliance-common';
import {
  isoTime,
  isUniqueViolation,
  keysetPage,
  migratedClient,
  retryTransient,
} from '@readiness/store-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-compliance-backend',
  'migrations',
);

type EvidenceRow = {
  id: string;
  entity_ref: string;
  source: string;
  title: string;
  description: string | null;
  link: string | null;
  collected_at: Date | string | number;
  expires_at: Date | string | number;
  result: string;
  filed_by: string;
  filed_at: Date | string | number;
  idempotency_key: string | null;
  content_hash: string;
  attachment_name: string | null;
  attachment_media_type: string | null;
  attachment_size: number | null;
  attachment_sha256: string | null;
};

type WithdrawalRow = {
  id: string;
  evidence_id: string;
  reason: string;
  withdrawn_by: string;
  withdrawn_at: Date | string | number;
};

/** The columns of an evidence row that lists read (never the attachment's content). */
const EVIDENCE_COLUMNS = [
  'id',
  'entity_ref',
  'source',
  'title',
  'description',
  'link',
  'collected_at',
  'expires_at',
  'result',
  'filed_by',
  'filed_at',
  'idempotency_key',
  'content_hash',
  'attachment_name',
  'attachment_media_type',
  'attachment_size',
  'attachment_sha256',
].map(c => `compliance_evidence.${c}`);

/** An evidence item to store, checked by the service. */
export type EvidenceToStore = Omit<
  EvidenceItem,
  'id' | 'filedAt' | 'attachment' | 'withdrawal'
> & {
  attachment?: EvidenceItem['attachment'] & { content: Buffer };
  /** Of the filing without who filed it: a retry by anyone is the same filing. */
  contentHash: string;
};

/**
 * Where an item stands in the order of {@link DatabaseEvidenceStore.evidencePage}:
 * its entity, collection time and id.
 */
export type EvidencePosition = {
  entityRef: string;
  collectedAt: string;
  id: string;
};

/** What the state of an entity's controls needs of each of its items. */
export type StoredStanding = {
  id: string;
  controls: string[];
  collected: string;
  expires: string;
  result: EvidenceResult;
  withdrawn: boolean;
};

function toWithdrawal(row: WithdrawalRow): EvidenceWithdrawal {
  return {
    id: row.id,
    evidenceId: row.evidence_id,
    reason: row.reason,
    withdrawnBy: row.withdrawn_by,
    withdrawnAt: isoTime(row.withdrawn_at),
  };
}

function toItem(
  row: EvidenceRow,
  controls: string[],
  withdrawal?: WithdrawalRow,
): EvidenceItem {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    controls,
    source: row.source as EvidenceSource,
    title: row.title,
    ...(row.description !== null && { description: row.description }),
    ...(row.link !== null && { link: row.link }),
    ...(row.attachment_name !== null && {
      attachment: {
        name: row.attachment_name,
        mediaType: row.attachment_media_type!,
        sizeBytes: Number(row.attachment_size),
        sha256: row.attachment_sha256!,
      },
    }),
    collectedAt: isoTime(row.collected_at),
    expiresAt: isoTime(row.expires_at),
    result: row.result as EvidenceResult,
    filedBy: row.filed_by,
    filedAt: isoTime(row.filed_at),
    ...(row.idempotency_key !== null && {
      idempotencyKey: row.idempotency_key,
    }),
    ...(withdrawal && { withdrawal: toWithdrawal(withdrawal) }),
  };
}

/**
 * Append-only evidence: items with their controls, and withdrawals. A filing
 * with an idempotency key is stored once: it looks its key up before it
 * writes, so a retry (also one after a lost commit) answers the stored item.
 */
export class DatabaseEvidenceStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseEvidenceStore> {
    return new DatabaseEvidenceStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  async addEvidence(
    evidence: EvidenceToStore,
  ): Promise<{ item: EvidenceItem; created: boolean }> {
    return retryTransient(() => this.addEvidenceOnce(evidence));
  }

  private async addEvidenceOnce(
    evidence: EvidenceToStore,
  ): Promise<{ item: EvidenceItem; created: boolean }> {
    const key = evidence.idempotencyKey;
    if (key !== undefined) {
      const existing = await this.findByKey(key, evidence.contentHash);
      if (existing) return { item: existing, created: false };
    }
    const row: EvidenceRow = {
      id: randomUUID(),
      entity_ref: evidence.entityRef,
      source: evidence.source,
      title: evidence.title,
      description: evidence.description ?? null,
      link: evidence.link ?? null,
      collected_at: new Date(evidence.collectedAt),
      expires_at: new Date(evidence.expiresAt),
      result: evidence.result,
      filed_by: evidence.filedBy,
      filed_at: new Date(),
      idempotency_key: key ?? null,
      content_hash: evidence.contentHash,
      attachment_name: evidence.attachment?.name ?? null,
      attachment_media_type: evidence.attachment?.mediaType ?? null,
      attachment_size: evidence.attachment?.sizeBytes ?? null,
      attachment_sha256: evidence.attachment?.sha256 ?? null,
    };
    const controls = [...new Set(evidence.controls)];
    try {
      await this.db.transaction(async tx => {
        await tx('compliance_evidence').insert({
          ...row,
          attachment_content: evidence.attachment?.content ?? null,
        });
        await tx('compliance_evidence_controls').insert(
          controls.map(control => ({ evidence_id: row.id, control })),
        );
      });
    } catch (error) {
      if (key !== undefined && isUniqueViolation(error)) {
        const raced = await this.findByKey(key, evidence.contentHash);
        if (raced) return { item: raced, created: false };
      }
      throw error;
    }
    return { item: toItem(row, controls), created: true };
  }

  private async findByKey(
    key: string,
    contentHash: string,
  ): Promise<EvidenceItem | undefined> {
    const row: EvidenceRow | undefined = await this.db('compliance_evidence')
      .select(EVIDENCE_COLUMNS)
      .where('idempotency_key', key)
      .first();
    if (!row) return undefined;
    if (row.content_hash !== contentHash) {
      throw new ConflictError(
        `idempotencyKey: ${key} was already used for different evidence (${row.id})`,
      );
    }
    return (await this.complete([row]))[0];
  }

  /** Adds controls and withdrawals to rows, in two queries. */
  private async complete(rows: EvidenceRow[]): Promise<EvidenceItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const [controls, withdrawals] = await Promise.all([
      this.db<{ evidence_id: string; control: string }>(
        'compliance_evidence_controls',
      )
        .whereIn('evidence_id', ids)
        .orderBy(['evidence_id', 'control']),
      this.db<WithdrawalRow>('compliance_evidence_withdrawals').whereIn(
        'evidence_id',
        ids,
      ),
    ]);
    const controlsOf = new Map<string, string[]>();
    for (const { evidence_id, control } of controls) {
      controlsOf.set(evidence_id, [
        ...(controlsOf.get(evidence_id) ?? []),
        control,
      ]);
    }
    const withdrawalOf = new Map(withdrawals.map(w => [w.evidence_id, w]));
    return rows.map(row =>
      toItem(row, controlsOf.get(row.id) ?? [], withdrawalOf.get(row.id)),
    );
  }

  async getEvidence(id: string): Promise<EvidenceItem | undefined> {
    const row: EvidenceRow | undefined = await this.db('compliance_evidence')
      .select(EVIDENCE_COLUMNS)
      .where('id', id)
      .first();
    return row ? (await this.complete([row]))[0] : undefined;
  }

  /** The newest item of an entity that is not withdrawn, by collection time. */
  async newestCounting(entityRef: string): Promise<EvidenceItem | undefined> {
    const row: EvidenceRow | undefined = await this.db('compliance_evidence')
      .select(EVIDENCE_COLUMNS)
      .where('entity_ref', entityRef)
      .whereNotExists(query =>
        query
          .select(this.db.raw('1'))
          .from('compliance_evidence_withdrawals')
          .whereRaw(
            'compliance_evidence_withdrawals.evidence_id = compliance_evidence.id',
          ),
      )
      .orderBy([
        { column: 'collected_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? (await this.complete([row]))[0] : undefined;
  }

  /** An entity's evidence, newest collected first. */
  async listEvidence(
    entityRef: string,
    page: { cursor?: string; limit?: number },
  ): Promise<{ items: EvidenceItem[]; nextCursor?: string }> {
    const query = this.db<EvidenceRow>('compliance_evidence')
      .where('entity_ref', entityRef)
      .select(EVIDENCE_COLUMNS);
    const found = await keysetPage<EvidenceRow, EvidenceRow>(query, {
      timeColumn: 'compliance_evidence.collected_at',
      idColumn: 'compliance_evidence.id',
      cursor: page.cursor,
      limit: page.limit,
      toItem: row => row,
      positionOf: row => ({ at: isoTime(row.collected_at), id: row.id }),
    });
    return {
      items: await this.complete(found.items),
      ...(found.nextCursor && { nextCursor: found.nextCursor }),
    };
  }

  /**
   * A page of every item (or of these entities' items), withdrawn ones with
   * their withdrawal, ordered by entity, collection time and id: the items
   * after `after`, the last item of the previous page. Keyset paging on the
   * entity index, so a page costs the same wherever it starts.
   */
  async evidencePage(request: {
    after?: EvidencePosition;
    entityRefs?: readonly string[];
    limit: number;
  }): Promise<EvidenceItem[]> {
    const { after, entityRefs } = request;
    if (entityRefs?.length === 0) return [];
    const query = this.db('compliance_evidence')
      .select(EVIDENCE_COLUMNS)
      .orderBy([
        { column: 'compliance_evidence.entity_ref', order: 'asc' },
        { column: 'compliance_evidence.collected_at', order: 'asc' },
        { column: 'compliance_evidence.id', order: 'asc' },
      ])
      .limit(request.limit);
    if (entityRefs) query.whereIn('compliance_evidence.entity_ref', entityRefs);
    if (after) {
      // A row-value comparison, so both databases start the index scan at
      // the cursor instead of filtering every row before it
      query.whereRaw(
        '(compliance_evidence.entity_ref, compliance_evidence.collected_at, compliance_evidence.id) > (?, ?, ?)',
        [after.entityRef, new Date(after.collectedAt), after.id],
      );
    }
    const rows: EvidenceRow[] = await query;
    return this.complete(rows);
  }

  /** What the state of an entity's controls needs of each of its items. */
  async standingsOf(entityRef: string): Promise<StoredStanding[]> {
    const standings = await this.standings(query =>
      query.where('compliance_evidence.entity_ref', entityRef),
    );
    return standings.map(({ entityRef: _entity, ...standing }) => standing);
  }

  /**
   * The standings of every item filed at or after a time (every item when
   * none is given), with their entities: what a kept view of all evidence
   * reads to catch up.
   */
  async standingsFiledSince(
    since?: Date,
  ): Promise<Array<StoredStanding & { entityRef: string }>> {
    return this.standings(query =>
      since ? query.where('compliance_evidence.filed_at', '>=', since) : query,
    );
  }

  /** The items withdrawn at or after a time, with their entities. */
  async withdrawnSince(
    since: Date,
  ): Promise<Array<{ evidenceId: string; entityRef: string }>> {
    const rows: Array<{ evidence_id: string; entity_ref: string }> =
      await this.db('compliance_evidence_withdrawals')
        .join(
          'compliance_evidence',
          'compliance_evidence.id',
          'compliance_evidence_withdrawals.evidence_id',
        )
        .where('compliance_evidence_withdrawals.withdrawn_at', '>=', since)
        .select(
          'compliance_evidence_withdrawals.evidence_id',
          'compliance_evidence.entity_ref',
        );
    return rows.map(row => ({
      evidenceId: row.evidence_id,
      entityRef: row.entity_ref,
    }));
  }

  private async standings(
    where: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<Array<StoredStanding & { entityRef: string }>> {
    const rows: Array<{
      id: string;
      entity_ref: string;
      control: string;
      collected_at: Date | string | number;
      expires_at: Date | string | number;
      result: string;
      withdrawal_id: string | null;
    }> = await where(
      this.db('compliance_evidence')
        .join(
          'compliance_evidence_controls',
          'compliance_evidence.id',
          'compliance_evidence_controls.evidence_id',
        )
        .leftJoin(
          'compliance_evidence_withdrawals',
          'compliance_evidence.id',
          'compliance_evidence_withdrawals.evidence_id',
        ),
    ).select(
      'compliance_evidence.id',
      'compliance_evidence.entity_ref',
      'compliance_evidence_controls.control',
      'compliance_evidence.collected_at',
      'compliance_evidence.expires_at',
      'compliance_evidence.result',
      'compliance_evidence_withdrawals.id as withdrawal_id',
    );
    const byId = new Map<string, StoredStanding & { entityRef: string }>();
    for (const row of rows) {
      const found = byId.get(row.id);
      if (found) {
        found.controls.push(row.control);
        continue;
      }
      byId.set(row.id, {
        id: row.id,
        entityRef: row.entity_ref,
        controls: [row.control],
        collected: isoTime(row.collected_at),
        expires: isoTime(row.expires_at),
        result: row.result as EvidenceResult,
        withdrawn: row.withdrawal_id !== null,
      });
    }
    return [...byId.values()];
  }

  /**
   * Withdraws an item, once: a second withdrawal answers the first with
   * `created: false`.
   */
  async addWithdrawal(withdrawal: {
    evidenceId: string;
    reason: string;
    withdrawnBy: string;
  }): Promise<{ withdrawal: EvidenceWithdrawal; created: boolean }> {
    return retryTransient(async () => {
      const existing = await this.withdrawalOf(withdrawal.evidenceId);
      if (existing) return { withdrawal: existing, created: false };
      const row: WithdrawalRow = {
        id: randomUUID(),
        evidence_id: withdrawal.evidenceId,
        reason: withdrawal.reason,
        withdrawn_by: withdrawal.withdrawnBy,
        withdrawn_at: new Date(),
      };
      try {
        await this.db('compliance_evidence_withdrawals').insert(row);
      } catch (error) {
        const raced =
          isUniqueViolation(error) &&
          (await this.withdrawalOf(withdrawal.evidenceId));
        if (raced) return { withdrawal: raced, created: false };
        throw error;
      }
      return { withdrawal: toWithdrawal(row), created: true };
    });
  }

  private async withdrawalOf(
    evidenceId: string,
  ): Promise<EvidenceWithdrawal | undefined> {
    const row = await this.db<WithdrawalRow>('compliance_evidence_withdrawals')
      .where('evidence_id', evidenceId)
      .first();
    return row ? toWithdrawal(row) : undefined;
  }
}
