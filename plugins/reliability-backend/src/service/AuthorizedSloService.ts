import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireRecordRead } from './recordAccess';
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
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.getEntitySlos(entityRef, options);
  }
}
