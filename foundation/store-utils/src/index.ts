/**
 * What every store of the portal's backends shares, so their lists page the
 * same way and their writes retry the same way.
 *
 * @packageDocumentation
 */
export * from './pagination';
export * from './idempotency';
export * from './migrations';
export * from './transientErrors';
