import { parseEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityReadPermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
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
  PARTNER_RELIABILITY_ANNOTATION,
  PUBLISHED,
} from '@readiness/plugin-partner-common';

/**
 * The reliability plugin's read permission, by name: this module decides on
 * it without depending on that plugin.
 */
const RELIABILITY_READ = 'reliability.entity.read';

/**
 * The api-portal's read permissions, by name: what the portal keeps about an
 * API entity (revisions, versions, changelog, feeds), its lint results and
 * its SDK downloads.
 */
const API_PORTAL_PARTNER_READS = new Set([
  'api-portal.entity.read',
  'api-portal.lint.read',
  'api-portal.sdk.download',
]);

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
 *   published to partners plus their own User and Group entities; the
 *   reliability record of partner-facing entities that publish it
 *   (`readiness.dev/partner-reliability: published`); the API portal's
 *   record and lint results of partner-facing entities; deny everything
 *   else (refreshing an API definition included);
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
    if (
      audience.type === 'partner' &&
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      request.permission.name === RELIABILITY_READ
    ) {
      // Only where a partner-facing entity publishes its reliability record
      return createCatalogConditionalDecision(request.permission, {
        allOf: [
          catalogConditions.hasAnnotation({
            annotation: AUDIENCE_ANNOTATION,
            value: PARTNER_AUDIENCE,
          }),
          catalogConditions.hasAnnotation({
            annotation: PARTNER_RELIABILITY_ANNOTATION,
            value: PUBLISHED,
          }),
        ],
      });
    }
    if (
      audience.type === 'partner' &&
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      API_PORTAL_PARTNER_READS.has(request.permission.name)
    ) {
      // Partner-facing API entities only: internal families and their lint
      // results stay internal
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.hasAnnotation({
          annotation: AUDIENCE_ANNOTATION,
          value: PARTNER_AUDIENCE,
        }),
      );
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
