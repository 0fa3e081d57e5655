/**
 * Node.js parts of the compliance plugins: the service through which other
 * backends file evidence from their own records.
 *
 * @packageDocumentation
 */

export * from './evidenceService';
export * from './portalEvidenceReporter';
