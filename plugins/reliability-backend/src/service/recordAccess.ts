import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireAllowed } from '@readiness/backend-http-utils';
import { reliabilityEntityReadPermission } from '@readiness/plugin-reliability-common';

/**
 * Throws unless the caller may read the reliability record of the entity:
 * a 403 naming the entity, which every entity route of the family answers.
 */
export function requireRecordRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<void> {
  return requireAllowed(
    permissions,
    credentials,
    { permission: reliabilityEntityReadPermission, resourceRef: entityRef },
    `read the reliability record of ${entityRef}`,
  );
}
