/**
 * Test helpers shared by the Readiness Portal backends. Test code only: never
 * import this package from runtime code.
 *
 * @packageDocumentation
 */

export * from './storeDatabases';
export * from './audiencePermissions';
export * from './sampleCallers';
export * from './restrictedServices';
