/**
 * Audience rules of the Readiness Portal, shared by every plugin: which entities
 * are meant for partners, and which callers are partners.
 *
 * @packageDocumentation
 */

export * from './audience';
export * from './partnerView';
export * from './apps';
export * from './webhooks';
export * from './permissions';
