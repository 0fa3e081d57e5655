import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AudiencePermissionPolicy } from './AudiencePermissionPolicy';

/**
 * Installs {@link AudiencePermissionPolicy} as the permission policy.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'audience-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new AudiencePermissionPolicy());
      },
    });
  },
});
