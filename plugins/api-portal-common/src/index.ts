/**
 * Types and pure functions of the api-portal plugins: API families and
 * version ordering, breaking-change detection between two OpenAPI or Swagger
 * documents, changelog entries and their RSS and Atom feeds, the permissions
 * and response types of the api-portal backend and a client for it.
 *
 * @packageDocumentation
 */

export * from './families';
export * from './diff';
export * from './changelog';
export * from './feeds';
export * from './client';
export * from './types';
export * from './permissions';
