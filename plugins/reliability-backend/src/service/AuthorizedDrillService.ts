import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireEntityRead } from './authorize';
import { DrillService } from './DrillService';

/** Reading an entity's drills needs `reliability.entity.read` on the entity. */
export class AuthorizedDrillService implements DrillService {
  constructor(
    private readonly inner: DrillService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntityDrills(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ) {
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.getEntityDrills(entityRef, options);
  }
}
