import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Publish perf runs. Meant for CI's service credentials: give its
 * external-access token only this one.
 *
 * @public
 */
export const reliabilityRunPublishPermission = createPermission({
  name: 'reliability.run.publish',
  attributes: { action: 'create' },
});

/**
 * Read an entity's reliability record: runs, SLOs, gates, drills. Bound to the
 * catalog entity, so policies can decide per entity (for example, partners
 * only where an entity publishes its record).
 *
 * @public
 */
export const reliabilityEntityReadPermission = createPermission({
  name: 'reliability.entity.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Pin (or unpin) a run as the baseline of its entity, scenario and
 * environment.
 *
 * @public
 */
export const reliabilityBaselineManagePermission = createPermission({
  name: 'reliability.baseline.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Push drill records, from a restore-drill pipeline's service credentials.
 *
 * @public
 */
export const reliabilityDrillPublishPermission = createPermission({
  name: 'reliability.drill.publish',
  attributes: { action: 'create' },
});

/**
 * Push backup verifications, from a backup-verify job's service credentials.
 *
 * @public
 */
export const reliabilityBackupPublishPermission = createPermission({
  name: 'reliability.backup.publish',
  attributes: { action: 'create' },
});

/**
 * Keep a release gate verdict in the gate history. Meant for CI's service
 * credentials; asking the gate without keeping its answer needs
 * `reliability.entity.read` only.
 *
 * @public
 */
export const reliabilityGateRecordPermission = createPermission({
  name: 'reliability.gate.record',
  attributes: { action: 'create' },
});

/**
 * Read what drill records keep for the people who ran them: their notes, and
 * the problems of drill files that name no entity. The portal's audience
 * policy gives it to internal users only (it denies partners every
 * permission it does not name).
 *
 * @public
 */
export const reliabilityDrillDetailsReadPermission = createPermission({
  name: 'reliability.drill.details.read',
  attributes: { action: 'read' },
});

/** @public */
export const reliabilityPermissions = [
  reliabilityRunPublishPermission,
  reliabilityDrillPublishPermission,
  reliabilityBackupPublishPermission,
  reliabilityGateRecordPermission,
  reliabilityEntityReadPermission,
  reliabilityBaselineManagePermission,
  reliabilityDrillDetailsReadPermission,
];
