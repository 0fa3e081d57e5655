export interface Config {
  reliability?: {
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
