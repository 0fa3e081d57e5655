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
  reliabilityGateRecordPermission,
  reliabilityRunPublishPermission,
} from '@readiness/plugin-reliability-common';

/** Whether the caller may read the reliability record of the entity. */
export async function mayReadEntity(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityEntityReadPermission, resourceRef: entityRef }],
    { credentials },
  );
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws unless the caller may read the reliability record of the entity. */
export async function requireEntityRead(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
) {
  if (!(await mayReadEntity(permissions, entityRef, credentials))) {
    throw new NotAllowedError(
      `You may not read the reliability record of ${entityRef}`,
    );
  }
}

/**
 * The entities among `entityRefs` whose reliability record the caller may
 * read, asked in one request.
 */
export async function readableEntities(
  permissions: PermissionsService,
  entityRefs: Iterable<string>,
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  const refs = [...new Set(entityRefs)];
  if (refs.length === 0) {
    return new Set();
  }
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({
      permission: reliabilityEntityReadPermission,
      resourceRef,
    })),
    { credentials },
  );
  return new Set(
    refs.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
  );
}

/** Whether the caller holds a permission that is not bound to a resource. */
export async function holds(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

const WRITES = new Map<BasicPermission, string>([
  [reliabilityRunPublishPermission, 'publish perf runs'],
  [reliabilityDrillPublishPermission, 'publish drill records'],
  [reliabilityBackupPublishPermission, 'publish backup verifications'],
  [reliabilityGateRecordPermission, 'record gate verdicts'],
]);

/** Throws unless the caller may write what the permission names. */
export async function requirePublish(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission = reliabilityRunPublishPermission,
) {
  if (!(await holds(permissions, permission, credentials))) {
    throw new NotAllowedError(
      `You may not ${WRITES.get(permission) ?? permission.name}`,
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
