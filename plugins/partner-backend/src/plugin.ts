import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { partnerPermissions } from '@readiness/plugin-partner-common';
import { readPartnerOptions } from './config';
import { DatabasePartnerStore } from './database/DatabasePartnerStore';
import { AuthorizedPartnerAppService } from './service/AuthorizedPartnerAppService';
import { PartnerAppService } from './service/PartnerAppService';
import { createRouter } from './service/router';

/**
 * The partner backend plugin: partner apps and their sandbox keys.
 *
 * @public
 */
export const partnerPlugin = createBackendPlugin({
  pluginId: 'partner',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(partnerPermissions);
        const apps = new AuthorizedPartnerAppService(
          new PartnerAppService(
            await DatabasePartnerStore.create({ database: deps.database }),
            readPartnerOptions(deps.config),
          ),
          deps.permissions,
          deps.userInfo,
        );
        deps.httpRouter.use(
          await createRouter({
            apps,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
          }),
        );
      },
    });
  },
});
