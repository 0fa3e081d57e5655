import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The config key that turns sample data on. @public */
export const SAMPLE_DATA_ENABLED_KEY = 'readinessPortal.sampleData.enabled';

/** @public */
export type SampleDataOptions = {
  /** Whether the sample-data modules seed anything. */
  enabled: boolean;
};

/**
 * Reads the sample-data switch. Absent means off, so only a config that asks
 * for sample data (app-config.yaml, for development) ever gets it.
 *
 * @public
 */
export function readSampleDataOptions(config: Config): SampleDataOptions {
  return {
    enabled: config.getOptionalBoolean(SAMPLE_DATA_ENABLED_KEY) ?? false,
  };
}

/**
 * Whether a sample-data module should seed anything; when not, says so in
 * the log, so an operator sees why a portal has no sample history.
 *
 * @public
 */
export function sampleDataEnabled(
  config: Config,
  logger: LoggerService,
): boolean {
  const { enabled } = readSampleDataOptions(config);
  if (!enabled) {
    logger.info(
      `Sample data is off (${SAMPLE_DATA_ENABLED_KEY} is not true); nothing is seeded`,
    );
  }
  return enabled;
}
