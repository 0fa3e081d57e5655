/**
 * The API portal on entity pages: the API Portal tab of API entities (see
 * `./alpha` for the new frontend system) and an API reference that stays
 * responsive on large OpenAPI definitions.
 *
 * @packageDocumentation
 */

export { ApiReference } from './components/ApiReference';
export type { ApiReferenceProps } from './components/ApiReference';
export { EntityApiPortalContent } from './components/EntityApiPortal';
export { apiPortalApiRef } from './api';
