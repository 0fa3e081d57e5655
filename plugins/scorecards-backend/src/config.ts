import path from 'node:path';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';

/** Everything the plugin reads from `scorecards`, with the defaults applied. */
export type ScorecardsOptions = {
  /** The folder of check files, absolute. */
  checksDirectory: string;
  /** The folder of the declarations of facts CI pushes, absolute. */
  factsDirectory: string;
  recompute: {
    /** The scheduled full recompute (scope global: once across replicas). */
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** The delay after start of the first full recompute. */
    afterStart: HumanDuration;
    batchSize: number;
    providerTimeout: HumanDuration;
  };
  maxBodyBytes: number;
};

export const DEFAULT_CHECKS_DIRECTORY = 'scorecards/checks';
export const DEFAULT_FACTS_DIRECTORY = 'scorecards/facts';
export const DEFAULT_RECOMPUTE_FREQUENCY = { cron: '0 2 * * *' };
const DEFAULT_TIMEOUT: HumanDuration = { hours: 2 };
const MAX_BATCH = 5000;

function positiveInteger(
  config: Config | undefined,
  key: string,
  options: { fallback: number; max?: number; shownAs: string },
): number {
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const value = config?.getOptionalNumber(key) ?? options.fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(
      `${options.shownAs}: expected a whole number from 1 to ${max}`,
    );
  }
  return value;
}

/**
 * Reads the `scorecards` section of the app config; nothing in it is
 * required. Relative paths are resolved against `cwd`, the backend's working
 * directory.
 */
export function readScorecardsOptions(
  root: Config,
  cwd: string = process.cwd(),
): ScorecardsOptions {
  const config = root.getOptionalConfig('scorecards');
  const recompute = config?.getOptionalConfig('recompute');
  const schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
    new ConfigReader({
      frequency:
        recompute?.getOptional('frequency') ?? DEFAULT_RECOMPUTE_FREQUENCY,
      timeout: recompute?.getOptional('timeout') ?? DEFAULT_TIMEOUT,
    }),
  );
  return {
    checksDirectory: path.resolve(
      cwd,
      config?.getOptionalString('checks') ?? DEFAULT_CHECKS_DIRECTORY,
    ),
    factsDirectory: path.resolve(
      cwd,
      config?.getOptionalString('facts') ?? DEFAULT_FACTS_DIRECTORY,
    ),
    recompute: {
      schedule: { ...schedule, scope: 'global' },
      afterStart: recompute
        ? readOptionalDuration(recompute, 'afterStart', {
            fallback: { minutes: 1 },
          })
        : { minutes: 1 },
      batchSize: positiveInteger(recompute, 'batchSize', {
        fallback: 200,
        max: MAX_BATCH,
        shownAs: 'scorecards.recompute.batchSize',
      }),
      providerTimeout: recompute
        ? readOptionalDuration(recompute, 'providerTimeout', {
            fallback: { minutes: 2 },
          })
        : { minutes: 2 },
    },
    maxBodyBytes: positiveInteger(config, 'maxBodyBytes', {
      fallback: 256 * 1024,
      shownAs: 'scorecards.maxBodyBytes',
    }),
  };
}
