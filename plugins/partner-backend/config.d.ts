import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The partner tenant (plugins/partner-backend). */
  partner?: {
    sandbox?: {
      /**
       * The scopes a sandbox key may carry; a new key asks for some of them.
       * Default: sandbox.read, sandbox.write.
       */
      scopes?: string[];
      /** How long a new key lasts unless it asks for less. Default: 90 days. */
      keyLifetime?: HumanDuration | string;
      /** The longest lifetime a key may ask for. Default: 365 days. */
      maxKeyLifetime?: HumanDuration | string;
      /** How long a rotated key still works beside its successor. Default: 24 hours. */
      rotationOverlap?: HumanDuration | string;
    };
    limits?: {
      /** Apps one partner organisation may have. Default: 10. */
      appsPerOrg?: number;
      /** Keys that may be active at once for one app. Default: 5. */
      activeKeysPerApp?: number;
      /** Webhook endpoints one app may have. Default: 10. */
      endpointsPerApp?: number;
      /** Other limits for some organisations, e.g. `acme: { appsPerOrg: 25 }`. */
      orgs?: {
        [org: string]: {
          appsPerOrg?: number;
          activeKeysPerApp?: number;
          endpointsPerApp?: number;
        };
      };
    };
    /** Webhooks of partner apps (docs/partners/webhooks.md). */
    webhooks?: {
      /**
       * Event types endpoints may subscribe to, beside those the `webhooks`
       * sections of partner-facing API definitions declare.
       */
      eventTypes?: string[];
      /**
       * Whether event types are read from the partner-facing API entities of
       * the catalog. Default: true.
       */
      eventTypesFromCatalog?: boolean;
      /** How long a rotated secret still signs beside its successor. Default: 24 hours. */
      secretRotationOverlap?: HumanDuration | string;
      /** The largest event payload a push may carry, in bytes of JSON. Default: 65536. */
      maxPayloadBytes?: number;
      /** The most deliveries one replay-since request queues. Default: 1000. */
      maxReplay?: number;
      delivery?: {
        /** How often the worker looks for due deliveries. Default: 5 seconds. */
        frequency?: HumanDuration | string;
        /** How long one attempt may take. Default: 10 seconds. */
        timeout?: HumanDuration | string;
        /** Attempts of one delivery before it is failed. Default: 8. */
        attempts?: number;
        /** The wait before the second attempt; it doubles after each. Default: 30 seconds. */
        initialBackoff?: HumanDuration | string;
        /** The longest wait between attempts. Default: 6 hours. */
        maxBackoff?: HumanDuration | string;
        /** Failed attempts in a row after which an endpoint is disabled. Default: 40. */
        disableAfterFailures?: number;
        /** Deliveries one worker pass claims at once. Default: 50. */
        batchSize?: number;
        /** Deliveries sent at the same time. Default: 10. */
        concurrency?: number;
        /** How much of a receiver's answer the delivery log keeps. Default: 2048. */
        maxResponseBytes?: number;
      };
      network?: {
        /**
         * CIDRs that deliveries may reach although they are loopback, private,
         * link-local or otherwise refused, e.g. `127.0.0.1/32` for a local
         * receiver in development.
         */
        allowedCidrs?: string[];
        /**
         * Accept plain http endpoint URLs, delivered only to allow-listed
         * addresses. Development only: refused when NODE_ENV is production.
         */
        allowHttp?: boolean;
      };
    };
  };
}
