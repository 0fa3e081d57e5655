import { SchedulerService } from '@backstage/backend-plugin-api';
import { ReliabilityPublicationSource } from '@readiness/plugin-reliability-node';
import { SampleReliabilitySeeder } from './SampleReliabilitySeeder';

/** The id of the scheduled task that seeds and extends the sample history. */
export const SAMPLE_DATA_TASK_ID = 'reliability-sample-data';

/**
 * The sample history as a publication source: once the reliability backend
 * has started, a scheduled task (one replica at a time) publishes it, and
 * again every hour, so a long-running portal gets each night's runs.
 */
export function sampleDataSource(
  seeder: SampleReliabilitySeeder,
  scheduler: SchedulerService,
): ReliabilityPublicationSource {
  return {
    name: 'sample-data',
    async connect(publications) {
      await scheduler.scheduleTask({
        id: SAMPLE_DATA_TASK_ID,
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
        fn: async () => {
          await seeder.seed(publications);
        },
      });
    },
  };
}
