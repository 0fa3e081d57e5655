/**
 * Sample SDK downloads for a first start of the portal (development only;
 * docs/operations/sample-data.md).
 *
 * @packageDocumentation
 */

export { default } from './module';
export { SAMPLE_DOWNLOADS_TASK_ID } from './sampleDownloadSource';
export { SampleDownloadsSeeder } from './SampleDownloadsSeeder';
