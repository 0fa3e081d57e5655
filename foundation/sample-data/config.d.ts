export interface Config {
  readinessPortal?: {
    sampleData?: {
      /**
       * Seeds a realistic history on start (perf runs, gate verdicts, DR
       * drills, backup verifications, SDK downloads) through the plugins'
       * own services, marked as sample data (docs/operations/sample-data.md).
       * Off when absent; app-config.yaml turns it on for development and
       * app-config.production.yaml off.
       * @visibility backend
       */
      enabled?: boolean;
    };
  };
}
