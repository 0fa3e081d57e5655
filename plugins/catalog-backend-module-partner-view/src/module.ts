import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createPartnerViewFilter } from './partnerViewFilter';

/**
 * Puts the partner view in front of the catalog's entity and facet routes.
 * Modules start before their plugin, so it is mounted ahead of them.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'partner-view',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, userInfo, catalog }) {
        httpRouter.use(
          createPartnerViewFilter({ httpAuth, userInfo, catalog }),
        );
      },
    });
  },
});
