import { parseEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  AUDIENCE_ANNOTATION,
  audienceOfCaller,
  PARTNER_AUDIENCE,
} from '@readiness/plugin-partner-common';

type CatalogEntityCriteria = PermissionCriteria<
  PermissionCondition<'catalog-entity'>
>;

/**
 * Decides by audience (see `@readiness/plugin-partner-common`):
 *
 * - no user identity: deny;
 * - internal users (a member of an internal group): allow;
 * - partners (a member of a `partner-<org>` group): read, as a conditional
 *   decision that the catalog applies in its own queries, the entities
 *   published to partners plus their own User and Group entities; deny
 *   everything else;
 * - users in no group: deny.
 *
 * Service principals never reach a policy: the permissions service allows them.
 *
 * @public
 */
export class AudiencePermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const audience = audienceOfCaller(user.info);
    if (audience.type === 'internal') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      audience.type === 'partner' &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          catalogConditions.hasAnnotation({
            annotation: AUDIENCE_ANNOTATION,
            value: PARTNER_AUDIENCE,
          }),
          entityRefIs(audience.userEntityRef),
          ...audience.groupRefs.map(entityRefIs),
        ],
      });
    }
    return { result: AuthorizeResult.DENY };
  }
}

function entityRefIs(ref: string): CatalogEntityCriteria {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    allOf: [
      catalogConditions.isEntityKind({ kinds: [kind] }),
      catalogConditions.hasMetadata({ key: 'namespace', value: namespace }),
      catalogConditions.hasMetadata({ key: 'name', value: name }),
    ],
  };
}
