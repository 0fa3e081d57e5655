import { createBackendModule } from '@backstage/backend-plugin-api';
import { apiPortalSdkGeneratorsExtensionPoint } from '@readiness/plugin-api-portal-node';
import { PythonSdkGenerator } from './PythonSdkGenerator';

/**
 * Adds the `python` SDK language to the api-portal backend.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'api-portal',
  moduleId: 'sdk-python',
  register(reg) {
    reg.registerInit({
      deps: { sdkGenerators: apiPortalSdkGeneratorsExtensionPoint },
      async init({ sdkGenerators }) {
        sdkGenerators.addGenerator(new PythonSdkGenerator());
      },
    });
  },
});
