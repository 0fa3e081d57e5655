import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  apiPortalSdkGeneratorsExtensionPoint,
  SdkGenerator,
  SdkGeneratorRegistry,
} from '@readiness/plugin-api-portal-node';
import sdkTypeScriptModule from './module';
import { TypeScriptSdkGenerator } from './TypeScriptSdkGenerator';

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

describe('the sdk-typescript module', () => {
  it('adds the TypeScript generator to the api-portal backend', async () => {
    const seen: { generators?: SdkGenerator[] } = {};
    const backend = await startTestBackend({
      features: [apiPortalStandIn(seen), sdkTypeScriptModule],
    });
    expect(seen.generators).toHaveLength(1);
    const [generator] = seen.generators!;
    expect(generator).toBeInstanceOf(TypeScriptSdkGenerator);
    expect(generator).toMatchObject({
      language: 'typescript',
      displayName: 'TypeScript',
      version: expect.stringMatching(/^1\+openapi-ts\.\d+\.\d+\.\d+$/),
    });
    await backend.stop();
  });
});
