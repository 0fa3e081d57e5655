import { SchedulerService } from '@backstage/backend-plugin-api';
import { ApiPortalSampleDownloadSource } from '@readiness/plugin-api-portal-node';
import { SampleDownloadsSeeder } from './SampleDownloadsSeeder';

/** The id of the scheduled task that counts the sample downloads. */
export const SAMPLE_DOWNLOADS_TASK_ID = 'api-portal-sample-downloads';

/**
 * The sample downloads as a source: once the api-portal backend has started,
 * a scheduled task (one replica at a time) counts them, and again every
 * hour, so each day is counted once it is over.
 */
export function sampleDownloadSource(
  seeder: SampleDownloadsSeeder,
  scheduler: SchedulerService,
): ApiPortalSampleDownloadSource {
  return {
    name: 'sample-data',
    async connect(downloads) {
      await scheduler.scheduleTask({
        id: SAMPLE_DOWNLOADS_TASK_ID,
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 20 },
        fn: async () => {
          await seeder.seed(downloads);
        },
      });
    },
  };
}
