import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { reliabilityGateRecordPermission } from '@readiness/plugin-reliability-common';
import { requireAllowed } from '@readiness/backend-http-utils';
import { requireRecordRead } from './recordAccess';
import { GateService } from './GateService';

/**
 * Asking the gate and reading its history need `reliability.entity.read` on
 * the entity; keeping a verdict needs `reliability.gate.record` as well.
 */
export class AuthorizedGateService implements GateService {
  constructor(
    private readonly inner: GateService,
    private readonly permissions: PermissionsService,
  ) {}

  async evaluate(
    entityRef: string,
    request: { release?: unknown; environment?: unknown },
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.evaluate(entityRef, request, options);
  }

  async authorizeRecord(options: { credentials: BackstageCredentials }) {
    await requireAllowed(
      this.permissions,
      options.credentials,
      { permission: reliabilityGateRecordPermission },
      'record gate verdicts',
    );
  }

  async record(
    entityRef: string,
    body: unknown,
    options: { credentials: BackstageCredentials },
  ) {
    await this.authorizeRecord(options);
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.record(entityRef, body, options);
  }

  async history(
    entityRef: string,
    page: { release?: string; cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.history(entityRef, page, options);
  }
}
