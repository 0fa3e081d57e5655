import { LoggerService } from '@backstage/backend-plugin-api';
import { SdkBuilder } from '../sdk/SdkBuilder';
import { ApiCollector } from './ApiCollector';

/**
 * What the scheduled collection task does: one pass over the catalog's API
 * entities, a line in the log saying what it did, then (unless configured
 * otherwise) the SDK builds of the current definitions are queued.
 */
export function collectionTask(deps: {
  collector: ApiCollector;
  sdkBuilder: SdkBuilder;
  logger: LoggerService;
  buildAfterCollection: boolean;
}): (signal: AbortSignal) => Promise<void> {
  return async signal => {
    const report = await deps.collector.collectAll(signal);
    deps.logger.info(
      `Collected ${report.entities} API definitions: ${report.changed} changed, ${report.failed} failed, ${report.linted} linted, ${report.rediffed} compared again under changed diff rules, in ${report.durationMs} ms`,
    );
    if (deps.buildAfterCollection) await deps.sdkBuilder.ensureAll();
  };
}
