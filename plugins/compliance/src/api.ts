import { createApiRef } from '@backstage/core-plugin-api';
import { ComplianceApi } from '@readiness/plugin-compliance-common';

/**
 * The compliance backend's client.
 *
 * @public
 */
export const complianceApiRef = createApiRef<ComplianceApi>({
  id: 'plugin.compliance.client',
});
