import { createApiRef } from '@backstage/core-plugin-api';
import { ApiPortalApi } from '@readiness/plugin-api-portal-common';

/**
 * The api-portal backend's client.
 *
 * @public
 */
export const apiPortalApiRef = createApiRef<ApiPortalApi>({
  id: 'plugin.api-portal.client',
});
