import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  DrillProblem,
  EntityDrills,
  reliabilityDrillDetailsReadPermission,
  reliabilityDrillPublishPermission,
  reliabilityEntityReadPermission,
} from '@readiness/plugin-reliability-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  allowedEntities,
  isAllowed,
  requireAllowed,
} from '@readiness/backend-http-utils';
import { requireRecordRead } from './recordAccess';
import { DrillService } from './DrillService';

/**
 * Reading an entity's drills needs `reliability.entity.read` on the entity;
 * pushing a drill needs `reliability.drill.publish`.
 *
 * A drill names several entities, and a drill folder holds files about many:
 * a reader sees only the entities whose record they may read (the others
 * they may see in the catalog are counted; entities they may not see are not
 * even counted), the problems of records about those entities only, and notes and
 * the problems of records that name no entity only with
 * `reliability.drill.details.read`.
 */
export class AuthorizedDrillService implements DrillService {
  constructor(
    private readonly inner: DrillService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntityDrills(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityDrills> {
    const { credentials } = options;
    await requireRecordRead(this.permissions, credentials, entityRef);
    const record = await this.inner.getEntityDrills(entityRef, options);
    const named = [
      ...record.drills.flatMap(d => d.entities),
      ...record.problems.flatMap(p => p.entities ?? []),
    ];
    const [readable, known, details] = await Promise.all([
      allowedEntities(
        this.permissions,
        credentials,
        reliabilityEntityReadPermission,
        named,
      ),
      allowedEntities(
        this.permissions,
        credentials,
        catalogEntityReadPermission,
        named,
      ),
      isAllowed(this.permissions, credentials, {
        permission: reliabilityDrillDetailsReadPermission,
      }),
    ]);
    const visible = (problem: DrillProblem) =>
      problem.entities
        ? problem.entities.every(ref => readable.has(ref))
        : details;
    return {
      ...record,
      drills: record.drills.map(
        ({ notes, entities, entitiesNotShown: _, ...drill }) => {
          const shown = entities.filter(ref => readable.has(ref));
          const notShown = entities.filter(
            ref => known.has(ref) && !readable.has(ref),
          ).length;
          return {
            ...drill,
            entities: shown,
            ...(notShown > 0 && { entitiesNotShown: notShown }),
            ...(details && notes !== undefined && { notes }),
          };
        },
      ),
      problems: record.problems.filter(visible),
    };
  }

  async authorizePublish(options: { credentials: BackstageCredentials }) {
    await requireAllowed(
      this.permissions,
      options.credentials,
      { permission: reliabilityDrillPublishPermission },
      'publish drill records',
    );
  }

  async publishDrill(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ) {
    await this.authorizePublish(options);
    return this.inner.publishDrill(body, options);
  }
}
