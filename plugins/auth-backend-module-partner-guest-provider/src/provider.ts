import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  SignInResolver,
} from '@backstage/plugin-auth-node';

export const PARTNER_GUEST_PROVIDER_ID = 'partner-guest';
export const DEFAULT_PARTNER_GUEST = 'user:default/maria.lopez';

/**
 * The authenticator proves nothing about the caller; the result only carries
 * which of the configured partner users was asked for (`?as=<user ref>`).
 */
export type PartnerGuestResult = { as?: string };

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
    async authenticate({ req }, { allowed }) {
      if (!allowed) {
        throw new NotAllowedError(
          `The ${PARTNER_GUEST_PROVIDER_ID} provider is for local development; set auth.providers.${PARTNER_GUEST_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment to use it elsewhere`,
        );
      }
      const as = req.query.as;
      if (as !== undefined && typeof as !== 'string') {
        throw new InputError('The query parameter as must be one user ref');
      }
      return { result: as === undefined ? {} : { as } };
    },
  });
}

function readUserRef(value: string, key: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind: 'user' }));
  } catch {
    throw new InputError(
      `auth.providers.${PARTNER_GUEST_PROVIDER_ID}.${key} is not an entity ref: ${value}`,
    );
  }
}

/**
 * Signs in as the configured catalog User. Unlike the guest provider there is
 * no fallback identity: a partner view is only meaningful with the user's real
 * group memberships, so a missing user is an error that says what to fix.
 */
export function createPartnerGuestSignInResolver(
  config: Config,
): SignInResolver<PartnerGuestResult> {
  const userEntityRef = readUserRef(
    config.getOptionalString('userEntityRef') ?? DEFAULT_PARTNER_GUEST,
    'userEntityRef',
  );
  // Further partner users a session may ask for with ?as=, e.g. one of each
  // partner org for tests that compare what two orgs see
  const others = (
    config.getOptionalStringArray('otherUserEntityRefs') ?? []
  ).map(ref => readUserRef(ref, 'otherUserEntityRefs'));
  return async ({ result }, ctx) => {
    if (!allowedHere(config)) {
      throw new NotAllowedError(
        `The ${PARTNER_GUEST_PROVIDER_ID} provider is disabled outside development`,
      );
    }
    let entityRef = userEntityRef;
    if (result.as !== undefined) {
      let asked: string | undefined;
      try {
        asked = stringifyEntityRef(
          parseEntityRef(result.as, { defaultKind: 'user' }),
        );
      } catch {
        asked = undefined;
      }
      if (!asked || (asked !== userEntityRef && !others.includes(asked))) {
        throw new NotAllowedError(
          `Partner guest sign-in as ${result.as} needs it in auth.providers.${PARTNER_GUEST_PROVIDER_ID}.otherUserEntityRefs`,
        );
      }
      entityRef = asked;
    }
    try {
      return await ctx.signInWithCatalogUser({ entityRef });
    } catch (error) {
      throw new NotAllowedError(
        `Partner guest sign-in needs the catalog User ${entityRef} (auth.providers.${PARTNER_GUEST_PROVIDER_ID}): ${error}`,
      );
    }
  };
}
