import { LoggerService } from '@backstage/backend-plugin-api';
import { ApiEvidenceReporter } from '../compliance/ApiEvidenceReporter';
import { SdkBuilder } from '../sdk/SdkBuilder';
import { ApiCollector } from './ApiCollector';

/**
 * What the scheduled collection task does: one pass over the catalog's API
 * entities, a line in the log saying what it did, the compliance evidence
 * of the families that lint clean, then (unless configured otherwise) the
 * SDK builds of the current definitions are queued.
 */
export function collectionTask(deps: {
  collector: ApiCollector;
  sdkBuilder: SdkBuilder;
  evidence: ApiEvidenceReporter;
  logger: LoggerService;
  buildAfterCollection: boolean;
}): (signal: AbortSignal) => Promise<void> {
  return async signal => {
    const report = await deps.collector.collectAll(signal);
    deps.logger.info(
      `Collected ${report.entities} API definitions: ${report.changed} changed, ${report.failed} failed, ${report.linted} linted, ${report.rediffed} compared again under changed diff rules, in ${report.durationMs} ms`,
    );
    const filed = await deps.evidence.reportAll(signal);
    if (filed.filed > 0 || filed.failed > 0) {
      deps.logger.info(
        `Filed api-lint-clean compliance evidence: ${filed.clean} of ${filed.families} API families clean, ${filed.filed} items filed, ${filed.failed} not taken`,
      );
    }
    if (deps.buildAfterCollection) await deps.sdkBuilder.ensureAll();
  };
}
