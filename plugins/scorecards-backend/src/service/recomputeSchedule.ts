import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { ScorecardsOptions } from '../config';
import { ScorecardRecomputer } from './ScorecardRecomputer';

/** The scheduler task of the full recompute. */
export const RECOMPUTE_TASK_ID = 'scorecards-recompute-all';

/**
 * When scores change: a full recompute on the schedule (global, so once
 * across replicas), the same task triggered once shortly after start, and
 * the entities a provider's change names as soon as it signals it.
 */
export async function scheduleRecompute(options: {
  recomputer: ScorecardRecomputer;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
  options: ScorecardsOptions['recompute'];
}): Promise<void> {
  const { recomputer, scheduler, lifecycle, logger } = options;
  await scheduler.scheduleTask({
    id: RECOMPUTE_TASK_ID,
    ...options.options.schedule,
    fn: async signal => {
      const report = await recomputer.recomputeAll(signal);
      const notes = [
        report.failedBatches && `${report.failedBatches} batches failed`,
        report.removed &&
          `${report.removed} results of entities no longer in the catalog removed`,
      ].filter(Boolean);
      logger.info(
        `Scorecards: ${report.entities} entities scored in ${
          report.batches
        } batches${notes.map(note => `, ${note}`).join('')}`,
      );
    },
  });

  let stopListening: (() => void) | undefined;
  let afterStart: NodeJS.Timeout | undefined;
  lifecycle.addStartupHook(() => {
    stopListening = recomputer.listen();
    afterStart = setTimeout(() => {
      // another replica may be running it already: then that run counts
      scheduler
        .triggerTask(RECOMPUTE_TASK_ID)
        .catch(error =>
          logger.info(
            `Scorecards: recompute after start not triggered: ${error}`,
          ),
        );
    }, durationToMilliseconds(options.options.afterStart));
    afterStart.unref();
  });
  lifecycle.addShutdownHook(() => {
    clearTimeout(afterStart);
    stopListening?.();
  });
}
