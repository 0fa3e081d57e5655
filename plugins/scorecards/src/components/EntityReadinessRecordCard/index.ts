export { EntityReadinessRecordCard } from './EntityReadinessRecordCard';
