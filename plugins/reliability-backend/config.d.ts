export interface Config {
  reliability?: {
    ingestion?: {
      /**
       * Largest JSON body accepted when publishing a run summary, in bytes.
       * Larger bodies are answered with 413. Default 10 MiB.
       */
      maxBodyBytes?: number;
    };
  };
}
