import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { isAllowed, requireAllowed } from '@readiness/backend-http-utils';
import {
  audienceOfCaller,
  partnerAppAdminPermission,
  partnerAppManagePermission,
} from '@readiness/plugin-partner-common';
import { OrgAccess } from './PartnerAppService';

/**
 * Whose apps (and their keys and webhooks) a caller reaches: internal
 * administrators every org's, a partner their own orgs' (from their
 * `partner-<org>` groups, never from the request). Anyone else is refused.
 */
export async function orgAccessOf(
  credentials: BackstageCredentials,
  deps: { permissions: PermissionsService; userInfo: UserInfoService },
): Promise<OrgAccess> {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | { type: string };
  if (principal.type !== 'user') {
    throw new NotAllowedError('Partner apps are managed by people signed in');
  }
  const actor = (principal as BackstageUserPrincipal).userEntityRef;
  if (
    await isAllowed(deps.permissions, credentials, {
      permission: partnerAppAdminPermission,
    })
  ) {
    return { type: 'all', actor };
  }
  await requireAllowed(
    deps.permissions,
    credentials,
    { permission: partnerAppManagePermission },
    'manage partner apps',
  );
  const audience = audienceOfCaller(
    await deps.userInfo.getUserInfo(credentials),
  );
  if (audience.type !== 'partner') {
    throw new NotAllowedError(
      'You may not manage partner apps: you are in no partner organisation',
    );
  }
  return { type: 'orgs', orgs: audience.orgs, actor };
}
