/**
 * The compliance record on entity pages. Apps on the new frontend system use
 * `@readiness/plugin-compliance/alpha`; the exports here serve apps on the
 * old one: the plugin, its client's API ref and lazy entity extensions.
 *
 * @packageDocumentation
 */

export { complianceApiRef } from './api';
export {
  compliancePlugin,
  EntityComplianceContent,
  EntityComplianceSummaryCard,
} from './plugin';
