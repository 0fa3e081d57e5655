export { EntityReliabilitySummaryCard } from './EntityReliabilitySummaryCard';
