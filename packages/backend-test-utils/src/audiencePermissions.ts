import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { AudiencePermissionPolicy } from '@readiness/plugin-permission-backend-module-audience-policy';

/** Group memberships of the sample org, as the catalog resolves them at sign-in. */
export const SAMPLE_MEMBERSHIPS: Record<string, string[]> = {
  'user:default/guest': ['group:default/developer-experience'],
  'user:default/maria.lopez': ['group:default/partner-acme'],
  'user:default/kenji.sato': ['group:default/partner-globex'],
};

type Principal = {
  type: string;
  userEntityRef?: string;
  accessRestrictions?: {
    permissionNames?: string[];
    permissionAttributes?: { action?: string[] };
  };
};

function policyUser(
  credentials: BackstageCredentials,
  memberships: Record<string, string[]>,
): PolicyQueryUser | undefined {
  const principal = credentials.principal as Principal;
  if (principal.type !== 'user' || !principal.userEntityRef) {
    return undefined;
  }
  const ref = principal.userEntityRef;
  const ownershipEntityRefs = [ref, ...(memberships[ref] ?? [])];
  return {
    info: { userEntityRef: ref, ownershipEntityRefs },
    credentials: credentials as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

/** Service principals are decided by their access restrictions, as in production. */
function serviceDecision(
  permission: Permission,
  principal: Principal,
): PolicyDecision {
  const { permissionNames, permissionAttributes } =
    principal.accessRestrictions ?? {};
  if (permissionNames && !permissionNames.includes(permission.name)) {
    return { result: AuthorizeResult.DENY };
  }
  const action = permission.attributes?.action;
  if (
    permissionAttributes?.action &&
    (!action || !permissionAttributes.action.includes(action))
  ) {
    return { result: AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * A permissions service for test backends that decides with the portal's
 * audience policy in process, for users whose group memberships are given.
 * Conditional decisions are returned to callers of `authorizeConditional`
 * (the catalog applies them in its queries); `authorize` refuses them, as a
 * plugin asking for a definite answer must not get one.
 *
 * @public
 */
export function audiencePermissionsServiceFactory(
  memberships: Record<string, string[]> = SAMPLE_MEMBERSHIPS,
) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: (): PermissionsService => {
      const policy = new AudiencePermissionPolicy();
      const decide = async (
        permission: Permission,
        credentials: BackstageCredentials,
      ): Promise<PolicyDecision> => {
        const principal = credentials.principal as Principal;
        if (principal.type === 'service') {
          return serviceDecision(permission, principal);
        }
        return policy.handle(
          { permission },
          policyUser(credentials, memberships),
        );
      };
      return {
        async authorizeConditional(requests, { credentials }) {
          return Promise.all(
            requests.map(r => decide(r.permission, credentials)),
          ) as any;
        },
        async authorize(requests, { credentials }) {
          return Promise.all(
            requests.map(async r => {
              const decision = await decide(r.permission, credentials);
              if (decision.result === AuthorizeResult.CONDITIONAL) {
                throw new Error(
                  `${r.permission.name}: conditional decision where a definite one is due`,
                );
              }
              return decision;
            }),
          ) as any;
        },
      };
    },
  });
}
