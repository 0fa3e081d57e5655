import { createBackendModule } from '@backstage/backend-plugin-api';
import { apiPortalSdkGeneratorsExtensionPoint } from '@readiness/plugin-api-portal-node';
import { TypeScriptSdkGenerator } from './TypeScriptSdkGenerator';

/**
 * Adds the `typescript` SDK language to the api-portal backend.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'api-portal',
  moduleId: 'sdk-typescript',
  register(reg) {
    reg.registerInit({
      deps: { sdkGenerators: apiPortalSdkGeneratorsExtensionPoint },
      async init({ sdkGenerators }) {
        sdkGenerators.addGenerator(new TypeScriptSdkGenerator());
      },
    });
  },
});
