import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The scorecards plugins (plugins/scorecards-backend). */
  scorecards?: {
    /**
     * The folder of check files (one YAML file per check), relative to the
     * backend's working directory. Default: scorecards/checks.
     */
    checks?: string;
    /**
     * The folder of the declarations of facts CI pushes (one YAML file per
     * fact), relative to the backend's working directory. Default:
     * scorecards/facts.
     */
    facts?: string;
    recompute?: {
      /**
       * When every entity is scored again, once across all replicas:
       * `{ cron: '0 2 * * *' }`, a duration or an ISO 8601 duration.
       * Default: every night at 02:00 in the server's time zone.
       */
      frequency?: { cron: string } | HumanDuration | string;
      /** How long a full recompute may run before it is given up. Default: 2 hours. */
      timeout?: HumanDuration | string;
      /**
       * How long after the backend started every entity is scored once,
       * besides the scheduled runs. Default: 1 minute.
       */
      afterStart?: HumanDuration | string;
      /** Catalog entities asked for and scored together. Default: 200. */
      batchSize?: number;
      /** How long a fact provider may take for one batch. Default: 2 minutes. */
      providerTimeout?: HumanDuration | string;
    };
    /** Largest JSON body a route accepts, in bytes; larger is answered 413. Default: 256 KiB. */
    maxBodyBytes?: number;
  };
}
