/**
 * The reliability record on entity pages. Apps on the new frontend system use
 * `@readiness/plugin-reliability/alpha`; the exports here serve apps that
 * compose entity pages themselves.
 *
 * @packageDocumentation
 */

export { reliabilityApiRef } from './api';
export { EntityReliabilityContent } from './components/EntityReliabilityContent';
export { EntityReliabilitySummaryCard } from './components/EntityReliabilitySummaryCard';
