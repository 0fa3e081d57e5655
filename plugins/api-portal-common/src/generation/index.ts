/*
 * What SDK generators, the Postman conversion and the backend's SDK builds
 * read from a bundled definition (internal `$ref`s only): its summary, its
 * default server, its security schemes, and the self-contained check every
 * consumer makes before reading it.
 */
export {
  apiLabel,
  defaultServerUrl,
  describeSpec,
  selfContainedReader,
  type SpecSummary,
  type SpecVersion,
} from './document';
export { assertSelfContained } from './selfContained';
export {
  securitySchemesOf,
  type CredentialKind,
  type SecurityScheme,
} from './security';
