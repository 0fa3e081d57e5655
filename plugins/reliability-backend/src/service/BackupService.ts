import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import {
  BackupKind,
  BACKUP_KINDS,
  backupStatus,
  BackupVerification,
  EntityBackups,
  Page,
  validateBackupVerification,
} from '@readiness/plugin-reliability-common';
import { DatabaseDrStore } from '../database/DatabaseDrStore';
import { EvidenceFiler } from './EvidenceFiler';
import { RecordChanges } from './RecordChanges';

export interface BackupService {
  /**
   * Throws unless the caller may push backup verifications; asked before the
   * body of a push is read.
   */
  authorizePublish(options: {
    credentials: BackstageCredentials;
  }): Promise<void>;
  publishVerification(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<{ verification: BackupVerification; created: boolean }>;
  getEntityBackups(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityBackups>;
  listVerifications(
    entityRef: string,
    query: { kind?: string; cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<Page<BackupVerification>>;
}

/** Backup verifications as pushed by backup-verify jobs, and their state. */
export class DefaultBackupService implements BackupService {
  constructor(
    private readonly deps: {
      store: DatabaseDrStore;
      catalog: EntityReader;
      maxAgeHours: number;
      /** Files compliance evidence of successful test restores. */
      evidence?: EvidenceFiler;
      /** Told of every record stored for the first time. */
      changes?: RecordChanges;
      now?: () => Date;
    },
  ) {}

  async authorizePublish() {
    // Decided by the authorizing wrapper
  }

  async publishVerification(
    body: unknown,
    _options: { credentials: BackstageCredentials },
  ) {
    const input = validateBackupVerification(body);
    const entity = await this.deps.catalog.getEntityByRef(input.entityRef);
    if (!entity) {
      throw new InputError(
        `/entityRef: no entity ${input.entityRef} in the catalog`,
      );
    }
    const stored = await this.deps.store.addBackupVerification(input);
    if (stored.created) {
      await this.deps.changes?.changed('backup-verification', [
        stored.verification.entityRef,
      ]);
    }
    // Also when already stored: a retried push files what a failure missed
    await this.deps.evidence?.verificationStored(stored.verification);
    return stored;
  }

  private async entityRefOf(entityRef: string): Promise<string> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  }

  async getEntityBackups(entityRef: string): Promise<EntityBackups> {
    const ref = await this.entityRefOf(entityRef);
    const latest = await this.deps.store.latestPerKind(ref);
    return {
      entityRef: ref,
      maxAgeHours: this.deps.maxAgeHours,
      kinds: backupStatus(latest, {
        now: (this.deps.now ?? (() => new Date()))(),
        maxAgeHours: this.deps.maxAgeHours,
      }),
    };
  }

  async listVerifications(
    entityRef: string,
    query: { kind?: string; cursor?: string; limit?: number },
  ) {
    if (
      query.kind !== undefined &&
      !(BACKUP_KINDS as readonly string[]).includes(query.kind)
    ) {
      throw new InputError(
        `kind: expected one of ${BACKUP_KINDS.join(', ')}, got ${query.kind}`,
      );
    }
    const ref = await this.entityRefOf(entityRef);
    return this.deps.store.listBackupVerifications(ref, {
      ...query,
      kind: query.kind as BackupKind | undefined,
    });
  }
}
