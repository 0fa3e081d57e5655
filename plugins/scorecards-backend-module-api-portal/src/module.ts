import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { apiPortalServiceRef } from '@readiness/plugin-api-portal-node';
import { scorecardsFactsExtensionPoint } from '@readiness/plugin-scorecards-node';
import { ApiPortalFactProvider } from './ApiPortalFactProvider';

/**
 * Provides the API portal facts to the scorecards backend, read from the
 * api-portal backend with the module's own service credentials.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'api-portal',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        apiPortal: apiPortalServiceRef,
        auth: coreServices.auth,
      },
      async init({ facts, apiPortal, auth }) {
        facts.addFactProvider(new ApiPortalFactProvider({ apiPortal, auth }));
      },
    });
  },
});
