/**
 * The reliability record on entity pages. Apps on the new frontend system use
 * `@readiness/plugin-reliability/alpha`; the exports here serve apps on the
 * old one: the plugin, its client's API ref and lazy entity extensions.
 *
 * @packageDocumentation
 */

export { reliabilityApiRef } from './api';
export {
  EntityReliabilityContent,
  EntityReliabilitySummaryCard,
  reliabilityPlugin,
} from './plugin';
