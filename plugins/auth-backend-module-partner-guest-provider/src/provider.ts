import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  SignInResolver,
} from '@backstage/plugin-auth-node';

export const PARTNER_GUEST_PROVIDER_ID = 'partner-guest';
export const DEFAULT_PARTNER_GUEST = 'user:default/maria.lopez';

/** The authenticator proves nothing about the caller; there is no result. */
export type PartnerGuestResult = Record<string, never>;

function allowedHere(config: Config): boolean {
  return (
    process.env.NODE_ENV === 'development' ||
    config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') === true
  );
}

/** Accepts every request, but only in development (or when explicitly allowed). */
export function createPartnerGuestAuthenticator() {
  return createProxyAuthenticator<
    { allowed: boolean },
    PartnerGuestResult,
    undefined
  >({
    defaultProfileTransform: async () => ({ profile: {} }),
    initialize: ({ config }) => ({ allowed: allowedHere(config) }),
    async authenticate(_request, { allowed }) {
      if (!allowed) {
        throw new NotAllowedError(
          `The ${PARTNER_GUEST_PROVIDER_ID} provider is for local development; set auth.providers.${PARTNER_GUEST_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment to use it elsewhere`,
        );
      }
      return { result: {} };
    },
  });
}

/**
 * Signs in as the configured catalog User. Unlike the guest provider there is
 * no fallback identity: a partner view is only meaningful with the user's real
 * group memberships, so a missing user is an error that says what to fix.
 */
export function createPartnerGuestSignInResolver(
  config: Config,
): SignInResolver<PartnerGuestResult> {
  const configured =
    config.getOptionalString('userEntityRef') ?? DEFAULT_PARTNER_GUEST;
  let userEntityRef: string;
  try {
    userEntityRef = stringifyEntityRef(
      parseEntityRef(configured, { defaultKind: 'user' }),
    );
  } catch {
    throw new InputError(
      `auth.providers.${PARTNER_GUEST_PROVIDER_ID}.userEntityRef is not an entity ref: ${configured}`,
    );
  }
  return async (_info, ctx) => {
    if (!allowedHere(config)) {
      throw new NotAllowedError(
        `The ${PARTNER_GUEST_PROVIDER_ID} provider is disabled outside development`,
      );
    }
    try {
      return await ctx.signInWithCatalogUser({ entityRef: userEntityRef });
    } catch (error) {
      throw new NotAllowedError(
        `Partner guest sign-in needs the catalog User ${userEntityRef} (auth.providers.${PARTNER_GUEST_PROVIDER_ID}.userEntityRef): ${error}`,
      );
    }
  };
}
