import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  BACKUP_KINDS,
  BackupKind,
  BackupVerification,
  BackupVerificationInput,
  DrillRecord,
  Page,
} from '@readiness/plugin-reliability-common';
import {
  contentHash,
  isoTime,
  isUniqueViolation,
  keysetPage,
  retryTransient,
} from '@readiness/store-utils';
import { Knex } from 'knex';
import { migratedClient } from './migrations';

type DrillRow = {
  id: string;
  idempotency_key: string;
  content_hash: string;
  started_at: Date | string | number;
  record: string;
  created_at: Date | string | number;
};

type BackupRow = {
  id: string;
  entity_ref: string;
  idempotency_key: string;
  content_hash: string;
  artifact: string;
  kind: string;
  size_bytes: number | string;
  taken_at: Date | string | number;
  verified_at: Date | string | number;
  checksum_verified: boolean | number;
  restore_tested: boolean | number;
  restore_succeeded: boolean | number | null;
  restore_seconds: number | null;
  evidence: string;
  notes: string | null;
  created_at: Date | string | number;
};

function toVerification(row: BackupRow): BackupVerification {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    entityRef: row.entity_ref,
    artifact: row.artifact,
    kind: row.kind as BackupKind,
    sizeBytes: Number(row.size_bytes),
    takenAt: isoTime(row.taken_at),
    verifiedAt: isoTime(row.verified_at),
    checksumVerified: Boolean(row.checksum_verified),
    restoreTested: Boolean(row.restore_tested),
    ...(row.restore_succeeded !== null && {
      restoreSucceeded: Boolean(row.restore_succeeded),
    }),
    ...(row.restore_seconds !== null && {
      restoreSeconds: row.restore_seconds,
    }),
    evidence: JSON.parse(row.evidence),
    ...(row.notes !== null && { notes: row.notes }),
    createdAt: isoTime(row.created_at),
  };
}

/**
 * Disaster-recovery evidence pushed by pipelines: drill records and backup
 * verifications. Both are idempotent on their key (a retry returns what is
 * stored, the same key with other content is a conflict) and each is one
 * transaction.
 */
export class DatabaseDrStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDrStore> {
    return new DatabaseDrStore(await migratedClient(options.database));
  }

  /**
   * Stores a pushed drill; `created: false` when it was stored before. A
   * transient database failure runs it again, key lookup first.
   */
  async addDrill(
    idempotencyKey: string,
    drill: DrillRecord,
  ): Promise<{ drill: DrillRecord; created: boolean }> {
    return retryTransient(() => this.addDrillOnce(idempotencyKey, drill));
  }

  private async addDrillOnce(
    idempotencyKey: string,
    drill: DrillRecord,
  ): Promise<{ drill: DrillRecord; created: boolean }> {
    const hash = contentHash(drill);
    const existing = await this.findDrill(idempotencyKey, hash);
    if (existing) return { drill: existing, created: false };
    const id = randomUUID();
    try {
      await this.db.transaction(async tx => {
        await tx<DrillRow>('dr_drills').insert({
          id,
          idempotency_key: idempotencyKey,
          content_hash: hash,
          started_at: new Date(drill.started),
          record: JSON.stringify(drill),
          created_at: new Date(),
        });
        await tx('dr_drill_entities').insert(
          [...new Set(drill.entities)].map(entityRef => ({
            drill_id: id,
            entity_ref: entityRef,
          })),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const raced = await this.findDrill(idempotencyKey, hash);
        if (raced) return { drill: raced, created: false };
      }
      throw error;
    }
    return { drill, created: true };
  }

  private async findDrill(
    idempotencyKey: string,
    hash: string,
  ): Promise<DrillRecord | undefined> {
    const row = await this.db<DrillRow>('dr_drills')
      .where({ idempotency_key: idempotencyKey })
      .first();
    if (!row) return undefined;
    if (row.content_hash !== hash) {
      throw new ConflictError(
        `idempotencyKey ${idempotencyKey} was already used for a different drill`,
      );
    }
    return JSON.parse(row.record);
  }

  /** The pushed drills that covered an entity, newest first (at most `limit`). */
  async drillsOf(entityRef: string, limit = 500): Promise<DrillRecord[]> {
    const rows = await this.db<DrillRow>('dr_drills')
      .join('dr_drill_entities', 'dr_drills.id', 'dr_drill_entities.drill_id')
      .where('dr_drill_entities.entity_ref', entityRef)
      .orderBy('dr_drills.started_at', 'desc')
      .limit(limit)
      .select('dr_drills.record');
    return rows.map(row => JSON.parse(row.record));
  }

  /**
   * Stores a verification; `created: false` when it was stored before. A
   * transient database failure runs it again, key lookup first.
   */
  async addBackupVerification(
    input: BackupVerificationInput,
  ): Promise<{ verification: BackupVerification; created: boolean }> {
    return retryTransient(() => this.addBackupVerificationOnce(input));
  }

  private async addBackupVerificationOnce(
    input: BackupVerificationInput,
  ): Promise<{ verification: BackupVerification; created: boolean }> {
    const hash = contentHash(input);
    const existing = await this.findVerification(input, hash);
    if (existing) return { verification: existing, created: false };
    const id = randomUUID();
    try {
      await this.db<BackupRow>('backup_verifications').insert({
        id,
        entity_ref: input.entityRef,
        idempotency_key: input.idempotencyKey,
        content_hash: hash,
        artifact: input.artifact,
        kind: input.kind,
        size_bytes: input.sizeBytes,
        taken_at: new Date(input.takenAt),
        verified_at: new Date(input.verifiedAt),
        checksum_verified: input.checksumVerified,
        restore_tested: input.restoreTested,
        restore_succeeded: input.restoreSucceeded ?? null,
        restore_seconds: input.restoreSeconds ?? null,
        evidence: JSON.stringify(input.evidence ?? []),
        notes: input.notes ?? null,
        created_at: new Date(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const raced = await this.findVerification(input, hash);
        if (raced) return { verification: raced, created: false };
      }
      throw error;
    }
    const row = await this.db<BackupRow>('backup_verifications')
      .where({ id })
      .first();
    return { verification: toVerification(row!), created: true };
  }

  private async findVerification(
    input: BackupVerificationInput,
    hash: string,
  ): Promise<BackupVerification | undefined> {
    const row = await this.db<BackupRow>('backup_verifications')
      .where({
        entity_ref: input.entityRef,
        idempotency_key: input.idempotencyKey,
      })
      .first();
    if (!row) return undefined;
    if (row.content_hash !== hash) {
      throw new ConflictError(
        `idempotencyKey ${input.idempotencyKey} was already used for a different verification of ${input.entityRef}`,
      );
    }
    return toVerification(row);
  }

  /** Verifications of an entity, newest backup first. */
  async listBackupVerifications(
    entityRef: string,
    options: { kind?: BackupKind; cursor?: string; limit?: number } = {},
  ): Promise<Page<BackupVerification>> {
    const query = this.db<BackupRow>('backup_verifications').where(
      'entity_ref',
      entityRef,
    );
    if (options.kind) query.where('kind', options.kind);
    return keysetPage(query, {
      timeColumn: 'taken_at',
      cursor: options.cursor,
      limit: options.limit,
      toItem: toVerification,
      positionOf: verification => ({
        at: verification.takenAt,
        id: verification.id,
      }),
    });
  }

  /**
   * Per kind, the newest verification and the newest one whose test restore
   * worked: what the backup status is judged on.
   */
  async latestPerKind(entityRef: string): Promise<BackupVerification[]> {
    const found: BackupVerification[] = [];
    for (const kind of BACKUP_KINDS) {
      const newest = this.db<BackupRow>('backup_verifications')
        .where({ entity_ref: entityRef, kind })
        .orderBy([
          { column: 'taken_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      const [latest, restored] = await Promise.all([
        newest.clone().first(),
        newest.clone().where('restore_succeeded', true).first(),
      ]);
      for (const row of [latest, restored]) {
        if (row && !found.some(v => v.id === row.id)) {
          found.push(toVerification(row));
        }
      }
    }
    return found;
  }
}
