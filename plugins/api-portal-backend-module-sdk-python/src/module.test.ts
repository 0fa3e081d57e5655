import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  apiPortalSdkGeneratorsExtensionPoint,
  SdkGenerator,
  SdkGeneratorRegistry,
} from '@readiness/plugin-api-portal-node';
import sdkPythonModule from './module';
import { PythonSdkGenerator } from './PythonSdkGenerator';

/** Stands in for the api-portal backend: the owner of the extension point. */
function apiPortalStandIn(seen: { generators?: SdkGenerator[] }) {
  return createBackendPlugin({
    pluginId: 'api-portal',
    register(env) {
      const registry = new SdkGeneratorRegistry();
      env.registerExtensionPoint(
        apiPortalSdkGeneratorsExtensionPoint,
        registry,
      );
      env.registerInit({
        deps: {},
        async init() {
          seen.generators = registry.list();
        },
      });
    },
  });
}

describe('the sdk-python module', () => {
  it('adds the Python generator to the api-portal backend', async () => {
    const seen: { generators?: SdkGenerator[] } = {};
    const backend = await startTestBackend({
      features: [apiPortalStandIn(seen), sdkPythonModule],
    });
    expect(seen.generators).toHaveLength(1);
    const [generator] = seen.generators!;
    expect(generator).toBeInstanceOf(PythonSdkGenerator);
    expect(generator).toMatchObject({
      language: 'python',
      displayName: 'Python',
      version: '1.0.0',
    });
    await backend.stop();
  });
});
