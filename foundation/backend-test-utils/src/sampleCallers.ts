import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { SAMPLE_MEMBERSHIPS } from './audiencePermissions';

/**
 * Authorization headers of the callers every endpoint is tested for: an
 * internal user of the sample org, a partner user, a service (CI) and nobody.
 */
export const SAMPLE_CALLERS = {
  internal: mockCredentials.user.header('user:default/guest'),
  partner: mockCredentials.user.header('user:default/maria.lopez'),
  service: mockCredentials.service.header(),
  anonymous: mockCredentials.none.header(),
};

/**
 * User info with the sample org's group memberships, as sign-in resolves
 * them, for test backends.
 */
export function sampleUserInfoServiceFactory() {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const principal = credentials.principal as { userEntityRef: string };
        const ref = principal.userEntityRef;
        return {
          userEntityRef: ref,
          ownershipEntityRefs: [ref, ...(SAMPLE_MEMBERSHIPS[ref] ?? [])],
        };
      },
    }),
  });
}
