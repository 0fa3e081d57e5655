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
import {
  createConditionAuthorizer,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { Entity } from '@backstage/catalog-model';
import { permissionRules as catalogPermissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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

/** Applies the catalog's permission rules, as the catalog does for the permission backend. */
const applyCatalogConditions = createConditionAuthorizer<Entity, unknown>(
  Object.values(catalogPermissionRules) as any,
);

/**
 * A permissions service for test backends that decides with the portal's
 * audience policy in process, for users whose group memberships are given.
 * Conditional decisions are returned to callers of `authorizeConditional`
 * (the catalog applies them in its queries); for `authorize` with a
 * `resourceRef` they are resolved against the entity from the catalog, as the
 * permission backend does; without one they are refused, as a plugin asking
 * for a definite answer must not get a conditional one.
 *
 * @public
 */
export function audiencePermissionsServiceFactory(
  memberships: Record<string, string[]> = SAMPLE_MEMBERSHIPS,
) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: { catalog: catalogServiceRef, auth: coreServices.auth },
    factory: ({ catalog, auth }): PermissionsService => {
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
              const resourceRef = (r as { resourceRef?: string }).resourceRef;
              if (
                decision.result === AuthorizeResult.CONDITIONAL &&
                resourceRef
              ) {
                const entity = await catalog.getEntityByRef(resourceRef, {
                  credentials: await auth.getOwnServiceCredentials(),
                });
                const allowed =
                  entity !== undefined &&
                  applyCatalogConditions(decision, entity);
                return {
                  result: allowed
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
                };
              }
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
