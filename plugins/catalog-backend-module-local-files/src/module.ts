import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createLocalTextPlaceholderResolver } from './localTextPlaceholderResolver';

/**
 * Replaces the catalog's `$text` placeholder resolver with one that also
 * resolves relative paths in `file` locations (the built-in one only resolves
 * them against URLs). Everything else is handled exactly as before.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-files',
  register(reg) {
    reg.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addPlaceholderResolver(
          'text',
          createLocalTextPlaceholderResolver(),
        );
      },
    });
  },
});
