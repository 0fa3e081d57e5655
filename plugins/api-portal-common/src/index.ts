/**
 * Types and pure functions of the api-portal plugins: API families and
 * version ordering, the one reader of OpenAPI and Swagger documents,
 * breaking-change detection between two of them, what SDK generators read
 * from a bundled definition, changelog entries and their RSS and Atom feeds,
 * the permissions and response types of the api-portal backend and a client
 * for it.
 *
 * @packageDocumentation
 */

export * from './families';
export * from './reader';
export * from './generation';
export * from './diff';
export * from './changelog';
export * from './feeds';
export * from './client';
export * from './types';
export * from './permissions';
