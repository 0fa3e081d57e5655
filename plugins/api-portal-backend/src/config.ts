import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';
import os from 'node:os';
import { InspectLimits } from './collection/inspectDefinition';
import { LintOptions } from './lint/SpecLinter';

/** Everything the plugin reads from `apiPortal`, with the defaults applied. */
export type ApiPortalOptions = {
  collection: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    initialDelay: HumanDuration;
    pageSize: number;
    fullPassEvery: HumanDuration;
  };
  limits: InspectLimits;
  /** Worker threads that parse and lint at once. */
  workers: number;
  lint: LintOptions;
  maxSchemaComparisons: number;
  sdk: {
    concurrency: number;
    timeoutMs: number;
    buildAfterCollection: boolean;
    artifactStore: { type: 'database' } | { type: 'filesystem'; path: string };
  };
};

const MIB = 1024 * 1024;

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return readOptionalDuration(config, key, { fallback });
}

/** Milliseconds of a duration key, or of its older `…Ms` number. */
function milliseconds(
  config: Config,
  key: string,
  legacyKey: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    readOptionalDuration(config, key, {
      fallback,
      legacy: { key: legacyKey, unit: 'milliseconds' },
    }),
  );
}

function artifactStore(
  config: Config,
): ApiPortalOptions['sdk']['artifactStore'] {
  const type =
    config.getOptionalString('apiPortal.sdk.artifactStore.type') ?? 'database';
  if (type === 'database') return { type };
  if (type === 'filesystem') {
    return {
      type,
      path: config.getString('apiPortal.sdk.artifactStore.path'),
    };
  }
  throw new Error(
    `apiPortal.sdk.artifactStore.type must be 'database' or 'filesystem', not '${type}'`,
  );
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
      fullPassEvery: duration(config, 'apiPortal.collection.fullPassEvery', {
        hours: 1,
      }),
    },
    limits: {
      maxSpecBytes:
        config.getOptionalNumber('apiPortal.limits.maxSpecBytes') ?? 10 * MIB,
      maxYamlAliases:
        config.getOptionalNumber('apiPortal.limits.maxYamlAliases') ?? 100,
      timeoutMs: milliseconds(
        config,
        'apiPortal.limits.parseTimeout',
        'apiPortal.limits.parseTimeoutMs',
        { seconds: 20 },
      ),
      memoryMb,
    },
    workers: Math.max(
      1,
      Math.floor(
        config.getOptionalNumber('apiPortal.limits.workers') ??
          Math.min(4, os.availableParallelism()),
      ),
    ),
    lint: {
      ...(configPath && { configPath }),
      allowRemoteRefs:
        config.getOptionalBoolean('apiPortal.lint.allowRemoteRefs') ?? false,
      timeoutMs: milliseconds(
        config,
        'apiPortal.lint.timeout',
        'apiPortal.lint.timeoutMs',
        { seconds: 60 },
      ),
    },
    maxSchemaComparisons:
      config.getOptionalNumber('apiPortal.diff.maxSchemaComparisons') ??
      500_000,
    sdk: {
      concurrency: Math.max(
        1,
        config.getOptionalNumber('apiPortal.sdk.concurrency') ?? 1,
      ),
      timeoutMs: milliseconds(
        config,
        'apiPortal.sdk.timeout',
        'apiPortal.sdk.timeoutMs',
        { minutes: 10 },
      ),
      buildAfterCollection:
        config.getOptionalBoolean('apiPortal.sdk.buildAfterCollection') ?? true,
      artifactStore: artifactStore(config),
    },
  };
}
