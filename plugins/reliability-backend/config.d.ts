export interface Config {
  reliability?: {
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
