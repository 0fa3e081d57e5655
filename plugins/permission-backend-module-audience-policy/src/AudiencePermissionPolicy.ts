import { createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { audienceOfCaller } from '@readiness/plugin-partner-common';
import { PARTNER_RULES, partnerRulesByName } from './partnerRules';

const PARTNER_RULES_BY_NAME = partnerRulesByName(PARTNER_RULES);

/**
 * Decides by audience (see `@readiness/plugin-partner-common`):
 *
 * - no user identity: deny;
 * - internal users (a member of an internal group): allow;
 * - partners (a member of a `partner-<org>` group): what `PARTNER_RULES`
 *   (./partnerRules.ts) gives them, as a conditional decision that the
 *   catalog applies in its own queries: the entities published to partners
 *   plus their own User and Group entities; the reliability record of
 *   partner-facing entities that publish it
 *   (`readiness.dev/partner-reliability: published`); the API portal's
 *   record, lint results and SDKs of partner-facing entities; managing the
 *   partner apps of their own organisations (the partner backend confines
 *   them). Everything else is denied, whether the table says so or does not
 *   name it;
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
    if (audience.type !== 'partner') {
      return { result: AuthorizeResult.DENY };
    }
    // Looked up by name: a request names its permission as JSON
    const rule = PARTNER_RULES_BY_NAME.get(request.permission.name);
    if (
      rule?.partners === 'allow' &&
      !isResourcePermission(request.permission)
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      !rule ||
      rule.partners === 'deny' ||
      rule.partners === 'allow' ||
      !isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY)
    ) {
      return { result: AuthorizeResult.DENY };
    }
    return createCatalogConditionalDecision(
      request.permission,
      rule.partners(audience),
    );
  }
}
