/**
 * Backend of the api-portal plugins.
 *
 * @packageDocumentation
 */

export { apiPortalPlugin as default } from './plugin';
