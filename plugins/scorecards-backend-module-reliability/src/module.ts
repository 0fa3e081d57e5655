import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityServiceRef } from '@readiness/plugin-reliability-node';
import { scorecardsFactsExtensionPoint } from '@readiness/plugin-scorecards-node';
import { ReliabilityFactProvider } from './ReliabilityFactProvider';

/**
 * Provides the reliability facts to the scorecards backend, read from the
 * reliability backend with the module's own service credentials.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        reliability: reliabilityServiceRef,
        auth: coreServices.auth,
      },
      async init({ facts, reliability, auth }) {
        facts.addFactProvider(
          new ReliabilityFactProvider({ reliability, auth }),
        );
      },
    });
  },
});
