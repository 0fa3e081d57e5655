import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/**
 * A duration from the app config (`{ minutes: 5 }`, an ISO 8601 duration or
 * a string like `'5m'`), or `fallback` when the key is absent. A key from
 * before durations were written this way (a plain number in one unit, e.g.
 * `catalogCacheSeconds: 10`) is still read when the new key is absent.
 *
 * @public
 */
export function readOptionalDuration(
  config: Config,
  key: string,
  options: {
    fallback: HumanDuration;
    /** The older numeric key, and the unit its number is in. */
    legacy?: { key: string; unit: keyof HumanDuration };
  },
): HumanDuration {
  if (config.has(key)) return readDurationFromConfig(config, { key });
  const { legacy } = options;
  if (legacy && config.has(legacy.key)) {
    return { [legacy.unit]: config.getNumber(legacy.key) };
  }
  return options.fallback;
}
