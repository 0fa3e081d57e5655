import { HumanDuration } from '@backstage/types';

export interface Config {
  reliability?: {
    drills?: {
      /**
       * Folders of drill records, markdown files named <date>.md with YAML
       * front matter; relative to the backend's working directory.
       */
      folders?: string[];
      /**
       * Folders of drill records at URLs (for example a repository's
       * docs/drills tree), read through the UrlReader; the host must be
       * allowed in backend.reading or an integration.
       */
      urls?: string[];
      /** How long drill records read from URLs are kept before reading again. Default 5 minutes. */
      urlCache?: HumanDuration | string;
      /** @deprecated Use `urlCache`; read when `urlCache` is absent. */
      urlCacheSeconds?: number;
      /** How long drill records read from folders are kept before reading again. Default 10 seconds. */
      folderCache?: HumanDuration | string;
      /** @deprecated Use `folderCache`; read when `folderCache` is absent. */
      folderCacheSeconds?: number;
      /** Time between drills before an entity's next one is due. Default 30 days. */
      every?: HumanDuration | string;
      /** @deprecated Use `every`; read when `every` is absent. */
      everyDays?: number;
      /**
       * RTO/RPO targets by disruption type, e.g. `rto: { minutes: 60 }`; default
       * RTO 60 minutes, RPO 15 minutes. `rtoMinutes`/`rpoMinutes` (numbers of
       * minutes) are still read when `rto`/`rpo` are absent.
       */
      targets?: {
        [type in
          | 'default'
          | 'zone'
          | 'region'
          | 'software'
          | 'data-corruption']?: {
          rto?: HumanDuration | string;
          rpo?: HumanDuration | string;
          /** @deprecated Use `rto`. */
          rtoMinutes?: number;
          /** @deprecated Use `rpo`. */
          rpoMinutes?: number;
        };
      };
    };
    /**
     * How long an entity looked up in the catalog is kept before it is read
     * again (annotations such as the OpenSLO files). Default 10 seconds.
     */
    catalogCache?: HumanDuration | string;
    /** @deprecated Use `catalogCache`; read when `catalogCache` is absent. */
    catalogCacheSeconds?: number;
    /**
     * How long a view computed from an entity's runs (SLOs, trend, gate
     * decision) is reused while its runs and pins are unchanged; SLO windows
     * slide, so keep it short. Default 15 seconds.
     */
    viewCache?: HumanDuration | string;
    /** @deprecated Use `viewCache`; read when `viewCache` is absent. */
    viewCacheSeconds?: number;
    backups?: {
      /**
       * Age after which an entity's newest backup of a kind counts as stale.
       * Default 26 hours (daily backups with some slack).
       */
      maxAge?: HumanDuration | string;
      /** @deprecated Use `maxAge`; read when `maxAge` is absent. */
      maxAgeHours?: number;
    };
    baseline?: {
      /** How many earlier passing runs the median baseline takes. Default 5. */
      runs?: number;
    };
    regression?: {
      /** Allowed relative increase of p95/p99 latency over the baseline. Default 0.1. */
      latencyTolerance?: number;
      /** Allowed absolute increase of the error rate over the baseline. Default 0.005. */
      errorRateTolerance?: number;
    };
    ingestion?: {
      /**
       * Largest JSON body accepted when publishing a run summary, in bytes.
       * Larger bodies are answered with 413. Default 10 MiB.
       */
      maxBodyBytes?: number;
      /**
       * Largest k6 JSON stream accepted (after gzip, as sent), in bytes.
       * Larger streams are answered with 413. Default 2 GiB.
       */
      maxStreamBytes?: number;
    };
  };
}
