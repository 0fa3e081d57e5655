import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createDocsPathGuard } from './guard';

/**
 * Installs the docs path guard on the TechDocs plugin's router. Modules start
 * before their plugin, so the guard is mounted ahead of every TechDocs route.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'path-guard',
  register(reg) {
    reg.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use(createDocsPathGuard());
      },
    });
  },
});
