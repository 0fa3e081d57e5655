/**
 * What every HTTP API of the portal's backends shares, so they answer bad
 * bodies, audit writes, name entities and check permissions the same way.
 *
 * @packageDocumentation
 */
export * from './jsonBodies';
export * from './audited';
export * from './writeGuard';
export * from './callers';
export * from './partnerResponses';
export * from './config';
export * from './authorize';
export * from './unavailable';
export * from './pluginReads';
export * from './csv';
export * from './sources';
