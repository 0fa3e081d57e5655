/**
 * What every typed client of the portal's backends shares, so their lists
 * page the same way and their errors reach callers the same way.
 *
 * @packageDocumentation
 */
export * from './paging';
export * from './PluginHttpClient';
