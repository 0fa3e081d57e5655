import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';
import {
  DEFAULT_REGRESSION_TOLERANCES,
  DisruptionType,
  DrTargets,
  RegressionTolerances,
} from '@readiness/plugin-reliability-common';

/** Everything the plugin reads from `reliability`, with the defaults applied. */
export type ReliabilityOptions = {
  /** How long an entity looked up in the catalog is kept. */
  catalogCache: HumanDuration;
  /** How long a view computed from an entity's runs is reused. */
  viewCache: HumanDuration;
  baselineRuns: number;
  tolerances: RegressionTolerances;
  ingestion: { maxBodyBytes: number; maxStreamBytes: number };
  drills: {
    folders: string[];
    urls: string[];
    urlCache: HumanDuration;
    folderCache: HumanDuration;
    /** Time between drills before an entity's next one is due. */
    every: HumanDuration;
    targets: Partial<Record<DisruptionType | 'default', DrTargets>>;
  };
  backups: {
    /** Age after which an entity's newest backup of a kind is stale. */
    maxAge: HumanDuration;
  };
};

const MIB = 1024 * 1024;

/** Whole seconds of a duration, as the caches count them. */
export function toSeconds(duration: HumanDuration): number {
  return durationToMilliseconds(duration) / 1000;
}

/** Hours of a duration, as backup verdicts name them. */
export function toHours(duration: HumanDuration): number {
  return durationToMilliseconds(duration) / 3_600_000;
}

/** Days of a duration, as drill cadences count them. */
export function toDays(duration: HumanDuration): number {
  return durationToMilliseconds(duration) / 86_400_000;
}

function minutesOf(section: Config, type: string, name: 'rto' | 'rpo'): number {
  // `rto: { minutes: 60 }`, or the older `rtoMinutes: 60`; one is required
  const key = `${type}.${name}`;
  if (!section.has(key)) return section.getNumber(`${key}Minutes`);
  return (
    durationToMilliseconds(
      readOptionalDuration(section, key, { fallback: {} }),
    ) / 60_000
  );
}

/** RTO/RPO targets by disruption type from `reliability.drills.targets`. */
function readDrTargets(
  config: Config,
): Partial<Record<DisruptionType | 'default', DrTargets>> {
  const section = config.getOptionalConfig('reliability.drills.targets');
  if (!section) return {};
  return Object.fromEntries(
    section.keys().map(type => [
      type,
      {
        rtoMinutes: minutesOf(section, type, 'rto'),
        rpoMinutes: minutesOf(section, type, 'rpo'),
      },
    ]),
  );
}

/** Reads `reliability` from the app config; nothing in it is required. */
export function readReliabilityOptions(config: Config): ReliabilityOptions {
  const latency = config.getOptionalNumber(
    'reliability.regression.latencyTolerance',
  );
  const errorRate = config.getOptionalNumber(
    'reliability.regression.errorRateTolerance',
  );
  return {
    catalogCache: readOptionalDuration(config, 'reliability.catalogCache', {
      fallback: { seconds: 10 },
      legacy: { key: 'reliability.catalogCacheSeconds', unit: 'seconds' },
    }),
    viewCache: readOptionalDuration(config, 'reliability.viewCache', {
      fallback: { seconds: 15 },
      legacy: { key: 'reliability.viewCacheSeconds', unit: 'seconds' },
    }),
    baselineRuns: config.getOptionalNumber('reliability.baseline.runs') ?? 5,
    tolerances: {
      ...DEFAULT_REGRESSION_TOLERANCES,
      ...(latency !== undefined && { latency }),
      ...(errorRate !== undefined && { errorRate }),
    },
    ingestion: {
      maxBodyBytes:
        config.getOptionalNumber('reliability.ingestion.maxBodyBytes') ??
        10 * MIB,
      maxStreamBytes:
        config.getOptionalNumber('reliability.ingestion.maxStreamBytes') ??
        2048 * MIB,
    },
    drills: {
      folders:
        config.getOptionalStringArray('reliability.drills.folders') ?? [],
      urls: config.getOptionalStringArray('reliability.drills.urls') ?? [],
      urlCache: readOptionalDuration(config, 'reliability.drills.urlCache', {
        fallback: { minutes: 5 },
        legacy: {
          key: 'reliability.drills.urlCacheSeconds',
          unit: 'seconds',
        },
      }),
      folderCache: readOptionalDuration(
        config,
        'reliability.drills.folderCache',
        {
          fallback: { seconds: 10 },
          legacy: {
            key: 'reliability.drills.folderCacheSeconds',
            unit: 'seconds',
          },
        },
      ),
      every: readOptionalDuration(config, 'reliability.drills.every', {
        fallback: { days: 30 },
        legacy: { key: 'reliability.drills.everyDays', unit: 'days' },
      }),
      targets: readDrTargets(config),
    },
    backups: {
      maxAge: readOptionalDuration(config, 'reliability.backups.maxAge', {
        fallback: { hours: 26 },
        legacy: { key: 'reliability.backups.maxAgeHours', unit: 'hours' },
      }),
    },
  };
}
