/*
 * The one reader of API descriptions (OpenAPI 3.0/3.1, Swagger 2.0) that
 * every api-portal consumer uses: dialect, JSON pointers, `$ref`s under
 * the reference policy, operations and webhooks.
 */
export {
  readDialect,
  type ApiDialect,
  type DialectField,
  type DialectOptions,
  type DialectReading,
} from './dialect';
export {
  buildPointer,
  childPointer,
  escapeToken,
  isJsonObject,
  lastToken,
  parsePointer,
  unescapeToken,
  type JsonObject,
  type Located,
} from './pointer';
export {
  DEFAULT_MAX_REF_HOPS,
  DEFAULT_MAX_REF_RESOLUTIONS,
  decodeRefToken,
  findExternalReferences,
  isLocalRef,
  refOf,
  refOverride,
  refuseExternalReferences,
  RefResolver,
  type ExternalReference,
  type ReferenceLimits,
  type Resolution,
  type UnresolvedRef,
  type UnresolvedRefReason,
} from './references';
export {
  HTTP_METHODS,
  type HttpMethod,
  type OperationSite,
  type ParameterSite,
  type PathItemSite,
} from './operations';
export {
  OpenApiReader,
  type ComponentKind,
  type OpenApiReaderOptions,
} from './OpenApiReader';
