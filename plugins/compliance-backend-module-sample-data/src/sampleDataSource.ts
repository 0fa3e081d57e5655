import { SchedulerService } from '@backstage/backend-plugin-api';
import { ComplianceEvidenceSource } from '@readiness/plugin-compliance-node';
import { scheduledSampleDataSource } from '@readiness/sample-data';
import { SampleComplianceSeeder } from './SampleComplianceSeeder';

/** The id of the scheduled task that seeds and extends the sample history. */
export const SAMPLE_DATA_TASK_ID = 'compliance-sample-data';

/**
 * The sample history as an evidence source, filed every hour so a
 * long-running portal gets each new review and scan.
 */
export function sampleDataSource(
  seeder: SampleComplianceSeeder,
  scheduler: SchedulerService,
): ComplianceEvidenceSource {
  return scheduledSampleDataSource({
    taskId: SAMPLE_DATA_TASK_ID,
    scheduler,
    seed: filings => seeder.seed(filings),
  });
}
