import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read what the API portal keeps about an API entity: its spec revisions,
 * versions, changelog and feeds. Bound to the catalog entity, so a policy can
 * decide per entity (partners: partner-facing APIs only).
 *
 * @public
 */
export const apiPortalEntityReadPermission = createPermission({
  name: 'api-portal.entity.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Read the lint problems of an API entity's definitions (and the lint totals
 * shown in lists). Bound to the catalog entity.
 *
 * @public
 */
export const apiPortalLintReadPermission = createPermission({
  name: 'api-portal.lint.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Collect an API entity's definition now instead of waiting for the schedule.
 *
 * @public
 */
export const apiPortalEntityRefreshPermission = createPermission({
  name: 'api-portal.entity.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Download an API entity's SDKs and Postman collection. Bound to the catalog
 * entity, so partners can be limited to partner-facing APIs.
 *
 * @public
 */
export const apiPortalSdkDownloadPermission = createPermission({
  name: 'api-portal.sdk.download',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the api-portal backend.
 *
 * @public
 */
export const apiPortalPermissions = [
  apiPortalEntityReadPermission,
  apiPortalLintReadPermission,
  apiPortalEntityRefreshPermission,
  apiPortalSdkDownloadPermission,
];
