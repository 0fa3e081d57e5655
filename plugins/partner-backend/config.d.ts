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
      /** Other limits for some organisations, e.g. `acme: { appsPerOrg: 25 }`. */
      orgs?: {
        [org: string]: { appsPerOrg?: number; activeKeysPerApp?: number };
      };
    };
  };
}
