import { SchedulerService } from '@backstage/backend-plugin-api';
import { ReliabilityPublicationSource } from '@readiness/plugin-reliability-node';
import { scheduledSampleDataSource } from '@readiness/sample-data';
import { SampleReliabilitySeeder } from './SampleReliabilitySeeder';

/** The id of the scheduled task that seeds and extends the sample history. */
export const SAMPLE_DATA_TASK_ID = 'reliability-sample-data';

/**
 * The sample history as a publication source, published every hour so a
 * long-running portal gets each night's runs.
 */
export function sampleDataSource(
  seeder: SampleReliabilitySeeder,
  scheduler: SchedulerService,
): ReliabilityPublicationSource {
  return scheduledSampleDataSource({
    taskId: SAMPLE_DATA_TASK_ID,
    scheduler,
    seed: publications => seeder.seed(publications),
  });
}
