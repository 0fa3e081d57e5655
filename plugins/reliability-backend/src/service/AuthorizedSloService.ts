import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireEntityRead } from './authorize';
import { SloService } from './SloService';

/** Reading an entity's SLOs needs `reliability.entity.read` on the entity. */
export class AuthorizedSloService implements SloService {
  constructor(
    private readonly inner: SloService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntitySlos(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ) {
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.getEntitySlos(entityRef, options);
  }
}
