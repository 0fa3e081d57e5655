/**
 * The API portal on entity pages. For now: an API reference that stays
 * responsive on large OpenAPI definitions.
 *
 * @packageDocumentation
 */

export { ApiReference } from './components/ApiReference';
export type { ApiReferenceProps } from './components/ApiReference';
