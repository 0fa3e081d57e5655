/**
 * Types and pure functions of the compliance plugins: control frameworks
 * (the portal's SOC 2 and ISO 27001 files, any OSCAL catalog or profile),
 * mappings between them and what they let evidence count for, which
 * controls apply to a catalog entity, evidence and the state it gives a
 * control, what the portal files as evidence by itself, the permissions of
 * the compliance plugins and the typed client of the compliance backend.
 *
 * @packageDocumentation
 */

export type { ComplianceFile, ComplianceFileProblem } from './files/sourceFile';
export * from './frameworks';
export * from './applicability';
export * from './state';
export * from './evidence';
export * from './matrix';
export * from './gdpr';
export * from './permissions';
export * from './client';
