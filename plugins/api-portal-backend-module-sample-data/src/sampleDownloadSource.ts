import { SchedulerService } from '@backstage/backend-plugin-api';
import { ApiPortalSampleDownloadSource } from '@readiness/plugin-api-portal-node';
import { scheduledSampleDataSource } from '@readiness/sample-data';
import { SampleDownloadsSeeder } from './SampleDownloadsSeeder';

/** The id of the scheduled task that counts the sample downloads. */
export const SAMPLE_DOWNLOADS_TASK_ID = 'api-portal-sample-downloads';

/**
 * The sample downloads as a source, counted every hour so each day is
 * counted once it is over.
 */
export function sampleDownloadSource(
  seeder: SampleDownloadsSeeder,
  scheduler: SchedulerService,
): ApiPortalSampleDownloadSource {
  return scheduledSampleDataSource({
    taskId: SAMPLE_DOWNLOADS_TASK_ID,
    scheduler,
    seed: downloads => seeder.seed(downloads),
    initialDelay: { seconds: 20 },
  });
}
