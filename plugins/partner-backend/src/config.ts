import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';
import { AddressPolicy, addressPolicyOf } from './webhooks/addressPolicy';

/** What limits one partner organisation. */
export type OrgLimits = {
  appsPerOrg: number;
  activeKeysPerApp: number;
  endpointsPerApp: number;
};

/** How webhooks are delivered: `partner.webhooks`, with the defaults applied. */
export type WebhookOptions = {
  /** Event types from config, beside those of partner-facing API definitions. */
  eventTypes: string[];
  /** Whether event types are read from the catalog's partner-facing APIs. */
  eventTypesFromCatalog: boolean;
  secretRotationOverlapMs: number;
  /** The largest event payload a push may carry, as JSON. */
  maxPayloadBytes: number;
  /** The most deliveries one replay-since request queues. */
  maxReplay: number;
  delivery: {
    /** How often the worker looks for due deliveries. */
    frequencyMs: number;
    timeoutMs: number;
    /** Attempts of one delivery before it is failed. */
    attempts: number;
    initialBackoffMs: number;
    maxBackoffMs: number;
    /** Failed attempts in a row after which an endpoint is disabled. */
    disableAfterFailures: number;
    /** Deliveries claimed at once, and sent at the same time. */
    batchSize: number;
    concurrency: number;
    /** How much of a receiver's answer the log keeps. */
    maxResponseBytes: number;
  };
  /** Addresses beyond the public ones that deliveries may reach. */
  network: AddressPolicy & {
    /** Plain http to allow-listed addresses (development only). */
    allowHttp: boolean;
  };
};

/** Everything the plugin reads from `partner`, with the defaults applied. */
export type PartnerOptions = {
  /** The scopes a sandbox key may carry. */
  scopes: string[];
  keyLifetimeMs: number;
  maxKeyLifetimeMs: number;
  rotationOverlapMs: number;
  limitsOf(org: string): OrgLimits;
  webhooks: WebhookOptions;
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
    endpointsPerApp: limits
      ? positiveInteger(limits, 'endpointsPerApp', 10)
      : 10,
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
      endpointsPerApp: positiveInteger(
        section,
        'endpointsPerApp',
        defaults.endpointsPerApp,
      ),
    });
  }
  return {
    ...options,
    limitsOf: org => perOrg.get(org) ?? defaults,
    webhooks: readWebhookOptions(config?.getOptionalConfig('webhooks')),
  };
}

function readWebhookOptions(config: Config | undefined): WebhookOptions {
  const delivery = config?.getOptionalConfig('delivery');
  const network = config?.getOptionalConfig('network');
  const ms = (
    section: Config | undefined,
    key: string,
    fallback: HumanDuration,
  ) =>
    durationToMilliseconds(
      section ? readOptionalDuration(section, key, { fallback }) : fallback,
    );
  const whole = (section: Config | undefined, key: string, fallback: number) =>
    section ? positiveInteger(section, key, fallback) : fallback;
  const allowHttp = network?.getOptionalBoolean('allowHttp') ?? false;
  if (allowHttp && process.env.NODE_ENV === 'production') {
    throw new InputError(
      'partner.webhooks.network.allowHttp: plain http deliveries are for development only',
    );
  }
  const options: WebhookOptions = {
    eventTypes: config?.getOptionalStringArray('eventTypes') ?? [],
    eventTypesFromCatalog:
      config?.getOptionalBoolean('eventTypesFromCatalog') ?? true,
    secretRotationOverlapMs: ms(config, 'secretRotationOverlap', {
      hours: 24,
    }),
    maxPayloadBytes: whole(config, 'maxPayloadBytes', 64 * 1024),
    maxReplay: whole(config, 'maxReplay', 1000),
    delivery: {
      frequencyMs: ms(delivery, 'frequency', { seconds: 5 }),
      timeoutMs: ms(delivery, 'timeout', { seconds: 10 }),
      attempts: whole(delivery, 'attempts', 8),
      initialBackoffMs: ms(delivery, 'initialBackoff', { seconds: 30 }),
      maxBackoffMs: ms(delivery, 'maxBackoff', { hours: 6 }),
      disableAfterFailures: whole(delivery, 'disableAfterFailures', 40),
      batchSize: whole(delivery, 'batchSize', 50),
      concurrency: whole(delivery, 'concurrency', 10),
      maxResponseBytes: whole(delivery, 'maxResponseBytes', 2048),
    },
    network: {
      ...addressPolicyOf(network?.getOptionalStringArray('allowedCidrs') ?? []),
      allowHttp,
    },
  };
  if (options.delivery.initialBackoffMs > options.delivery.maxBackoffMs) {
    throw new InputError(
      'partner.webhooks.delivery.initialBackoff: longer than partner.webhooks.delivery.maxBackoff',
    );
  }
  return options;
}
