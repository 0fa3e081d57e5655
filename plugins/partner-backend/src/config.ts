import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';

/** What limits one partner organisation. */
export type OrgLimits = { appsPerOrg: number; activeKeysPerApp: number };

/** Everything the plugin reads from `partner`, with the defaults applied. */
export type PartnerOptions = {
  /** The scopes a sandbox key may carry. */
  scopes: string[];
  keyLifetimeMs: number;
  maxKeyLifetimeMs: number;
  rotationOverlapMs: number;
  limitsOf(org: string): OrgLimits;
};

const DEFAULT_SCOPES = ['sandbox.read', 'sandbox.write'];

function positiveInteger(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`partner.${key}: expected a whole number above 0`);
  }
  return value;
}

/** Reads the `partner` section of the app config. */
export function readPartnerOptions(root: Config): PartnerOptions {
  const config = root.getOptionalConfig('partner');
  const sandbox = config?.getOptionalConfig('sandbox');
  const limits = config?.getOptionalConfig('limits');
  const ms = (key: string, fallback: { days?: number; hours?: number }) =>
    durationToMilliseconds(
      sandbox ? readOptionalDuration(sandbox, key, { fallback }) : fallback,
    );
  const options = {
    scopes: sandbox?.getOptionalStringArray('scopes') ?? DEFAULT_SCOPES,
    keyLifetimeMs: ms('keyLifetime', { days: 90 }),
    maxKeyLifetimeMs: ms('maxKeyLifetime', { days: 365 }),
    rotationOverlapMs: ms('rotationOverlap', { hours: 24 }),
  };
  if (options.scopes.length === 0) {
    throw new InputError('partner.sandbox.scopes: name at least one scope');
  }
  if (options.keyLifetimeMs > options.maxKeyLifetimeMs) {
    throw new InputError(
      'partner.sandbox.keyLifetime: longer than partner.sandbox.maxKeyLifetime',
    );
  }
  const defaults: OrgLimits = {
    appsPerOrg: limits ? positiveInteger(limits, 'appsPerOrg', 10) : 10,
    activeKeysPerApp: limits
      ? positiveInteger(limits, 'activeKeysPerApp', 5)
      : 5,
  };
  const perOrg = new Map<string, OrgLimits>();
  const orgs = limits?.getOptionalConfig('orgs');
  for (const org of orgs?.keys() ?? []) {
    const section = orgs!.getConfig(org);
    perOrg.set(org, {
      appsPerOrg: positiveInteger(section, 'appsPerOrg', defaults.appsPerOrg),
      activeKeysPerApp: positiveInteger(
        section,
        'activeKeysPerApp',
        defaults.activeKeysPerApp,
      ),
    });
  }
  return {
    ...options,
    limitsOf: org => perOrg.get(org) ?? defaults,
  };
}
