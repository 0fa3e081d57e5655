import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { reliabilityBackupPublishPermission } from '@readiness/plugin-reliability-common';
import { requireAllowed } from '@readiness/backend-http-utils';
import { requireRecordRead } from './recordAccess';
import { BackupService } from './BackupService';

/**
 * Pushing needs `reliability.backup.publish` (checked before the body is
 * looked at); reading needs `reliability.entity.read` on the entity.
 */
export class AuthorizedBackupService implements BackupService {
  constructor(
    private readonly inner: BackupService,
    private readonly permissions: PermissionsService,
  ) {}

  async authorizePublish(options: { credentials: BackstageCredentials }) {
    await requireAllowed(
      this.permissions,
      options.credentials,
      { permission: reliabilityBackupPublishPermission },
      'publish backup verifications',
    );
  }

  async publishVerification(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ) {
    await this.authorizePublish(options);
    return this.inner.publishVerification(body, options);
  }

  async getEntityBackups(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.getEntityBackups(entityRef, options);
  }

  async listVerifications(
    entityRef: string,
    query: { kind?: string; cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.listVerifications(entityRef, query, options);
  }
}
