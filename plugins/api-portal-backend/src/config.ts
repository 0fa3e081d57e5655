import { readDurationFromConfig } from '@backstage/config';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { InspectLimits } from './collection/inspectDefinition';
import { LintOptions } from './lint/SpecLinter';

/** Everything the plugin reads from `apiPortal`, with the defaults applied. */
export type ApiPortalOptions = {
  collection: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    initialDelay: HumanDuration;
    pageSize: number;
  };
  limits: InspectLimits;
  lint: LintOptions;
  maxSchemaComparisons: number;
};

const MIB = 1024 * 1024;

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** Reads `apiPortal` from the app config; nothing in it is required. */
export function readApiPortalOptions(config: Config): ApiPortalOptions {
  const memoryMb =
    config.getOptionalNumber('apiPortal.limits.workerMemoryMb') ?? 1024;
  const configPath = config.getOptionalString('apiPortal.lint.configPath');
  return {
    collection: {
      frequency: duration(config, 'apiPortal.collection.frequency', {
        minutes: 10,
      }),
      timeout: duration(config, 'apiPortal.collection.timeout', {
        minutes: 30,
      }),
      initialDelay: duration(config, 'apiPortal.collection.initialDelay', {
        seconds: 10,
      }),
      pageSize:
        config.getOptionalNumber('apiPortal.collection.pageSize') ?? 100,
    },
    limits: {
      maxSpecBytes:
        config.getOptionalNumber('apiPortal.limits.maxSpecBytes') ?? 10 * MIB,
      maxYamlAliases:
        config.getOptionalNumber('apiPortal.limits.maxYamlAliases') ?? 100,
      timeoutMs:
        config.getOptionalNumber('apiPortal.limits.parseTimeoutMs') ?? 20_000,
      memoryMb,
    },
    lint: {
      ...(configPath && { configPath }),
      allowRemoteRefs:
        config.getOptionalBoolean('apiPortal.lint.allowRemoteRefs') ?? false,
      timeoutMs: config.getOptionalNumber('apiPortal.lint.timeoutMs') ?? 60_000,
      memoryMb,
    },
    maxSchemaComparisons:
      config.getOptionalNumber('apiPortal.diff.maxSchemaComparisons') ??
      500_000,
  };
}
