import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read an entity's compliance record: the controls that apply to it with
 * their state, its coverage per framework and its evidence. Bound to the
 * catalog entity, so policies decide per entity; the portal's audience
 * policy denies it to partners.
 *
 * @public
 */
export const complianceEntityReadPermission = createPermission({
  name: 'compliance.entity.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * File evidence for controls of an entity: people with the permission from
 * the entity page, pipelines with a token that holds this one only, the
 * portal's own plugins through the evidence service.
 *
 * @public
 */
export const complianceEvidenceFilePermission = createPermission({
  name: 'compliance.evidence.file',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Withdraw evidence of an entity, with a reason. Nothing is deleted: the
 * withdrawal is a record of its own and the item stays listed.
 *
 * @public
 */
export const complianceEvidenceWithdrawPermission = createPermission({
  name: 'compliance.evidence.withdraw',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the compliance plugins.
 *
 * @public
 */
export const compliancePermissions = [
  complianceEntityReadPermission,
  complianceEvidenceFilePermission,
  complianceEvidenceWithdrawPermission,
];
