import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { reliabilityDrillPublishPermission } from '@readiness/plugin-reliability-common';
import { requireEntityRead, requirePublish } from './authorize';
import { DrillService } from './DrillService';

/**
 * Reading an entity's drills needs `reliability.entity.read` on the entity;
 * pushing a drill needs `reliability.drill.publish`.
 */
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

  async publishDrill(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ) {
    await requirePublish(
      this.permissions,
      options.credentials,
      reliabilityDrillPublishPermission,
    );
    return this.inner.publishDrill(body, options);
  }
}
