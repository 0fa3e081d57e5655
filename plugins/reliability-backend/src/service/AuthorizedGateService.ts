import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireEntityRead } from './authorize';
import { GateService } from './GateService';

/** Asking the gate and reading its history need `reliability.entity.read`. */
export class AuthorizedGateService implements GateService {
  constructor(
    private readonly inner: GateService,
    private readonly permissions: PermissionsService,
  ) {}

  async decide(
    entityRef: string,
    release: string,
    environment: string,
    options: { credentials: BackstageCredentials },
  ) {
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.decide(entityRef, release, environment, options);
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
