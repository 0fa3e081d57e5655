export { ApisReadinessContent } from './ApisReadinessContent';
export { ApisReadinessPage } from './ApisReadinessPage';
