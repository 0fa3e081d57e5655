/**
 * Backend of the partner tenant: partner apps and their sandbox keys.
 *
 * @packageDocumentation
 */

export { partnerPlugin as default } from './plugin';
