/**
 * Backend of the compliance plugins: the controls that apply to catalog
 * entities with their state and coverage, and append-only evidence filed by
 * people and pipelines.
 *
 * @packageDocumentation
 */

export { compliancePlugin as default } from './plugin';
