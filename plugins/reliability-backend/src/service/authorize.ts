import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  reliabilityBackupPublishPermission,
  reliabilityBaselineManagePermission,
  reliabilityDrillPublishPermission,
  reliabilityEntityReadPermission,
  reliabilityRunPublishPermission,
} from '@readiness/plugin-reliability-common';

/** Throws unless the caller may read the reliability record of the entity. */
export async function requireEntityRead(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
) {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityEntityReadPermission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not read the reliability record of ${entityRef}`,
    );
  }
}

const PUBLISHED = new Map<BasicPermission, string>([
  [reliabilityRunPublishPermission, 'perf runs'],
  [reliabilityDrillPublishPermission, 'drill records'],
  [reliabilityBackupPublishPermission, 'backup verifications'],
]);

/** Throws unless the caller may publish what the permission names. */
export async function requirePublish(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission = reliabilityRunPublishPermission,
) {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not publish ${PUBLISHED.get(permission) ?? permission.name}`,
    );
  }
}

/** Throws unless the caller may pin baselines of the entity. */
export async function requireBaselineManage(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
) {
  const [decision] = await permissions.authorize(
    [
      {
        permission: reliabilityBaselineManagePermission,
        resourceRef: entityRef,
      },
    ],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not change the baselines of ${entityRef}`,
    );
  }
}
