import { createApiRef } from '@backstage/core-plugin-api';
import { ReliabilityApi } from '@readiness/plugin-reliability-common';

/**
 * The reliability backend's client.
 *
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.client',
});
