import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Create and read apps, sandbox keys and webhook endpoints of the caller's
 * own partner organisation(s); revoke and rotate their keys, manage their
 * endpoints and replay their deliveries. Partners hold it for their
 * orgs only; which org is the caller's is decided by their `partner-<org>`
 * groups, never by the request.
 *
 * @public
 */
export const partnerAppManagePermission = createPermission({
  name: 'partner.app.manage',
  attributes: { action: 'update' },
});

/**
 * Read and manage the apps and keys of every partner organisation. Internal
 * administrators only; the audience policy denies it to partners.
 *
 * @public
 */
export const partnerAppAdminPermission = createPermission({
  name: 'partner.app.admin',
  attributes: { action: 'update' },
});

/**
 * Ask which app, org and scopes a sandbox key belongs to. Meant for the
 * sandbox gateway's service credentials; never for users.
 *
 * @public
 */
export const partnerKeyVerifyPermission = createPermission({
  name: 'partner.key.verify',
  attributes: { action: 'read' },
});

/**
 * Push platform events to the webhook endpoints of partner apps. Meant for
 * the platform's service credentials; never for users.
 *
 * @public
 */
export const partnerEventPushPermission = createPermission({
  name: 'partner.event.push',
  attributes: { action: 'create' },
});

/**
 * Every permission of the partner backend.
 *
 * @public
 */
export const partnerPermissions = [
  partnerAppManagePermission,
  partnerAppAdminPermission,
  partnerKeyVerifyPermission,
  partnerEventPushPermission,
];
