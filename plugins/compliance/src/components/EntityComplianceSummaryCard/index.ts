export { EntityComplianceSummaryCard } from './EntityComplianceSummaryCard';
