import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import type { SdkArtifactStore, SdkGenerator } from '../sdk/types';
import {
  apiPortalArtifactStoreExtensionPoint,
  apiPortalSdkGeneratorsExtensionPoint,
} from './extensionPoints';
import { SdkGeneratorRegistry } from './SdkGeneratorRegistry';

const goGenerator: SdkGenerator = {
  language: 'go',
  displayName: 'Go',
  version: '1',
  generate: async () => [
    { path: 'go.mod', content: 'module example.com/api\n' },
  ],
};

/** Stands for a generator the backend already has when modules start. */
const pythonGenerator: SdkGenerator = {
  language: 'python',
  displayName: 'Python',
  version: '1',
  generate: async () => [{ path: 'pyproject.toml', content: '[project]\n' }],
};

const memoryStore: SdkArtifactStore = {
  put: async () => {},
  get: async () => undefined,
  has: async () => false,
  delete: async () => {},
};

/** A stand-in for the api-portal backend: it owns both extension points. */
function fakeBackendPlugin(seen: {
  languages?: string[];
  store?: SdkArtifactStore;
}) {
  return createBackendPlugin({
    pluginId: 'api-portal',
    register(env) {
      const registry = new SdkGeneratorRegistry([pythonGenerator]);
      let store: SdkArtifactStore | undefined;
      env.registerExtensionPoint(
        apiPortalSdkGeneratorsExtensionPoint,
        registry,
      );
      env.registerExtensionPoint(apiPortalArtifactStoreExtensionPoint, {
        setArtifactStore(next) {
          if (store) throw new Error('The SDK artifact store is already set');
          store = next;
        },
      });
      env.registerInit({
        deps: {},
        async init() {
          seen.languages = registry.list().map(g => g.language);
          seen.store = store;
        },
      });
    },
  });
}

function generatorModule(moduleId: string, generator: SdkGenerator) {
  return createBackendModule({
    pluginId: 'api-portal',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { generators: apiPortalSdkGeneratorsExtensionPoint },
        async init({ generators }) {
          generators.addGenerator(generator);
        },
      });
    },
  });
}

describe('api-portal extension points', () => {
  it('let modules add a language and set the artifact store', async () => {
    const seen: { languages?: string[]; store?: SdkArtifactStore } = {};
    const storeModule = createBackendModule({
      pluginId: 'api-portal',
      moduleId: 'memory-store',
      register(env) {
        env.registerInit({
          deps: { artifacts: apiPortalArtifactStoreExtensionPoint },
          async init({ artifacts }) {
            artifacts.setArtifactStore(memoryStore);
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        fakeBackendPlugin(seen),
        generatorModule('go', goGenerator),
        storeModule,
      ],
    });
    expect(seen.languages).toEqual(['python', 'go']);
    expect(seen.store).toBe(memoryStore);
    await backend.stop();
  });

  it('refuse a second generator for a language', async () => {
    const seen = {};
    await expect(
      startTestBackend({
        features: [
          fakeBackendPlugin(seen),
          generatorModule('python-again', {
            ...goGenerator,
            language: 'python',
          }),
        ],
      }),
    ).rejects.toThrow("An SDK generator for 'python' is already registered");
  });
});

describe('SdkGeneratorRegistry', () => {
  it('keeps generators by language in the order they were added', () => {
    const registry = new SdkGeneratorRegistry([goGenerator]);
    registry.addGenerator({ ...goGenerator, language: 'rust' });
    expect(registry.list().map(g => g.language)).toEqual(['go', 'rust']);
    expect(registry.get('go')).toBe(goGenerator);
    expect(registry.get('java')).toBeUndefined();
  });

  it('starts empty', () => {
    expect(new SdkGeneratorRegistry().list()).toEqual([]);
  });

  it('refuses language ids that are not lower-case slugs', () => {
    expect(
      () => new SdkGeneratorRegistry([{ ...goGenerator, language: 'Go Lang' }]),
    ).toThrow(
      "SDK generator language 'Go Lang' must be lower-case letters, digits and dashes",
    );
  });
});
