/**
 * The compliance family's scorecard facts. Add the module to a backend with
 * the scorecards and compliance plugins and entities are scored on the
 * coverage of the controls that apply to them and on their expired,
 * expiring and failing controls.
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  ComplianceFactProvider,
  complianceFacts,
} from './ComplianceFactProvider';
