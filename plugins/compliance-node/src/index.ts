/**
 * Node.js parts of the compliance plugins: the services through which other
 * backends file evidence from their own records and read the compliance
 * records of entities, and the extension point through which backend modules
 * file evidence from inside the compliance backend.
 *
 * @packageDocumentation
 */

export * from './evidenceService';
export * from './evidenceSources';
export * from './portalEvidenceReporter';
export * from './recordsService';
