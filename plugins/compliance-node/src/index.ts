/**
 * Node.js parts of the compliance plugins: the services through which other
 * backends file evidence from their own records and read the compliance
 * records of entities.
 *
 * @packageDocumentation
 */

export * from './evidenceService';
export * from './portalEvidenceReporter';
export * from './recordsService';
