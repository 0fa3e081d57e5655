import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityBaselineManagePermission,
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

/** Throws unless the caller may publish to the reliability plugins. */
export async function requirePublish(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
) {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityRunPublishPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError('You may not publish perf runs');
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
