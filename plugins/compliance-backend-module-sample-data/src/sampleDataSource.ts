import { SchedulerService } from '@backstage/backend-plugin-api';
import { ComplianceEvidenceSource } from '@readiness/plugin-compliance-node';
import { SampleComplianceSeeder } from './SampleComplianceSeeder';

/** The id of the scheduled task that seeds and extends the sample history. */
export const SAMPLE_DATA_TASK_ID = 'compliance-sample-data';

/**
 * The sample history as an evidence source: once the compliance backend
 * has started, a scheduled task (one replica at a time) files it, and again
 * every hour, so a long-running portal gets each new review and scan.
 */
export function sampleDataSource(
  seeder: SampleComplianceSeeder,
  scheduler: SchedulerService,
): ComplianceEvidenceSource {
  return {
    name: 'sample-data',
    async connect(filings) {
      await scheduler.scheduleTask({
        id: SAMPLE_DATA_TASK_ID,
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
        fn: async () => {
          await seeder.seed(filings);
        },
      });
    },
  };
}
