/**
 * What every HTTP API of the portal's backends shares, so they answer bad
 * bodies, audit writes and name entities the same way.
 *
 * @packageDocumentation
 */
export * from './jsonBodies';
export * from './audited';
export * from './callers';
export * from './partnerResponses';
export * from './config';
