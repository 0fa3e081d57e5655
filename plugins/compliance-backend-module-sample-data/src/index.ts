/**
 * Sample compliance history for a first start of the portal (development
 * only; docs/operations/sample-data.md).
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  SampleComplianceSeeder,
  type SeedReport,
} from './SampleComplianceSeeder';
export { SAMPLE_DATA_TASK_ID } from './sampleDataSource';
