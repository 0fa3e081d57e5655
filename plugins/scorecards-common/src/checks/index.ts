export * from './types';
export {
  DURATION_UNITS,
  formatDuration,
  parseIsoDuration,
  subtractDuration,
} from '@readiness/data-files';
export { loadScorecardChecks, readScorecardCheckFile } from './loadChecks';
export { CHECK_API_VERSION, CHECK_ID, CHECK_KIND } from './schema';
