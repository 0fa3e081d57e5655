/**
 * The API portal's scorecard facts. Add the module to a backend with the
 * scorecards and api-portal plugins and API entities are scored on their
 * collected definition, the lint of their family's newest version, breaking
 * changes without a new major version and SDK readiness.
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  ApiPortalFactProvider,
  apiPortalFacts,
  type ApiEntityRecord,
  type ApiFamilyRecord,
} from './ApiPortalFactProvider';
