/**
 * The API portal: the API Portal tab of API entities, the API readiness card
 * of components, the APIs readiness page, and an API reference that stays
 * responsive on large OpenAPI definitions. These exports serve apps on the
 * old frontend system; `./alpha` has the plugin for the new one.
 *
 * @packageDocumentation
 */

export { ApiReference } from './components/ApiReference';
export type { ApiReferenceProps } from './components/ApiReference';
export {
  apiPortalPlugin,
  ApisReadinessPage,
  EntityApiPortalContent,
  EntityProvidedApisCard,
} from './plugin';
export { apiPortalApiRef } from './api';
