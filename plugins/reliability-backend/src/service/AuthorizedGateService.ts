import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { reliabilityGateRecordPermission } from '@readiness/plugin-reliability-common';
import { requireEntityRead, requirePublish } from './authorize';
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
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.evaluate(entityRef, request, options);
  }

  async authorizeRecord(options: { credentials: BackstageCredentials }) {
    await requirePublish(
      this.permissions,
      options.credentials,
      reliabilityGateRecordPermission,
    );
  }

  async record(
    entityRef: string,
    body: unknown,
    options: { credentials: BackstageCredentials },
  ) {
    await this.authorizeRecord(options);
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.record(entityRef, body, options);
  }

  async history(
    entityRef: string,
    page: { release?: string; cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.history(entityRef, page, options);
  }
}
