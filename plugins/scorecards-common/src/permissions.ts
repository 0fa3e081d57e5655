import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read an entity's scorecard: its level, score, check outcomes, history and
 * exemptions. Bound to the catalog entity, so policies decide per entity;
 * the portal's audience policy denies it to partners.
 *
 * @public
 */
export const scorecardsEntityReadPermission = createPermission({
  name: 'scorecards.entity.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Request an exemption of an entity from a check, with a justification and
 * an expiry. It counts only once someone else approves it.
 *
 * @public
 */
export const scorecardsExemptionRequestPermission = createPermission({
  name: 'scorecards.exemption.request',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve (or turn down) an exemption requested for an entity. Nobody
 * approves their own request, whatever their permissions.
 *
 * @public
 */
export const scorecardsExemptionApprovePermission = createPermission({
  name: 'scorecards.exemption.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Launch, change and close campaigns (checks, target entities and a
 * deadline). A campaign spans many entities, so this is decided for the
 * caller rather than per entity; who sees a campaign's progress on an
 * entity follows scorecards.entity.read.
 *
 * @public
 */
export const scorecardsCampaignManagePermission = createPermission({
  name: 'scorecards.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * Push facts about an entity (CI pipelines, with a token that holds this
 * permission only). Bound to the entity the facts are about.
 *
 * @public
 */
export const scorecardsFactsPushPermission = createPermission({
  name: 'scorecards.facts.push',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Record that a team held its readiness ritual, on the team's ritual page.
 * Bound to the Group entity: members of the group may always record their
 * own team's ritual; this permission lets others (a lead of several teams,
 * a coach) do it too.
 *
 * @public
 */
export const scorecardsRitualRecordPermission = createPermission({
  name: 'scorecards.ritual.record',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the scorecards plugins.
 *
 * @public
 */
export const scorecardsPermissions = [
  scorecardsEntityReadPermission,
  scorecardsExemptionRequestPermission,
  scorecardsExemptionApprovePermission,
  scorecardsCampaignManagePermission,
  scorecardsFactsPushPermission,
  scorecardsRitualRecordPermission,
];
