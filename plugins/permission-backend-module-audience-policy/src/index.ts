/**
 * The Readiness Portal permission policy, as a backend module for the
 * permission plugin. Add it with
 * `backend.add(import('@readiness/plugin-permission-backend-module-audience-policy'))`.
 *
 * @packageDocumentation
 */

export { default } from './module';
export { AudiencePermissionPolicy } from './AudiencePermissionPolicy';
