import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { complianceRecordsServiceRef } from '@readiness/plugin-compliance-node';
import { scorecardsFactsExtensionPoint } from '@readiness/plugin-scorecards-node';
import { ComplianceFactProvider } from './ComplianceFactProvider';

/**
 * Provides the compliance facts to the scorecards backend, read from the
 * compliance backend with the module's own service credentials.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'compliance',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        records: complianceRecordsServiceRef,
        auth: coreServices.auth,
      },
      async init({ facts, records, auth }) {
        facts.addFactProvider(new ComplianceFactProvider({ records, auth }));
      },
    });
  },
});
