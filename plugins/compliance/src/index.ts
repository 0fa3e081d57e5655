/**
 * The compliance record on entity pages, and the framework matrix page. Apps on the new frontend system use
 * `@readiness/plugin-compliance/alpha`; the exports here serve apps on the
 * old one: the plugin, its client's API ref, the framework matrix page and
 * lazy entity extensions.
 *
 * @packageDocumentation
 */

export { complianceApiRef } from './api';
export {
  ComplianceMatrixPage,
  complianceMatrixRouteRef,
  compliancePlugin,
  EntityComplianceContent,
  EntityComplianceSummaryCard,
} from './plugin';
