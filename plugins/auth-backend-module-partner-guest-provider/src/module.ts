import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import {
  createPartnerGuestAuthenticator,
  createPartnerGuestSignInResolver,
  PARTNER_GUEST_PROVIDER_ID,
} from './provider';

/**
 * Registers the `partner-guest` sign-in provider.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'partner-guest-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const providerConfig = config.getOptionalConfig(
          `auth.providers.${PARTNER_GUEST_PROVIDER_ID}`,
        );
        if (!providerConfig) {
          return;
        }
        providers.registerProvider({
          providerId: PARTNER_GUEST_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: createPartnerGuestAuthenticator(),
            signInResolver: createPartnerGuestSignInResolver(providerConfig),
          }),
        });
      },
    });
  },
});
