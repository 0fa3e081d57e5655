/*
 * The operations of a document as `paths` × methods (and `webhooks` ×
 * methods, read alike), the same way for every dialect: path items behind
 * a `$ref` are followed, and an
 * operation's effective parameters are its path item's with its own merged
 * in (same `in` and `name` overrides, keeping the first one's place).
 * Swagger 2.0 `body` and `formData` parameters are parameters like the
 * others here; {@link OpenApiReader.swaggerMediaTypes} gives the media types
 * they are sent as.
 */
import type { JsonObject, Located } from './pointer';
import type { UnresolvedRef } from './references';

/** The HTTP methods an OpenAPI path item can hold, lower case. @public */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** An HTTP method as written in a path item. @public */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A path item, resolved when it is a local `$ref`. @public */
export type PathItemSite = {
  /** The path template, the key under `paths` (or a webhook's name). */
  key: string;
  /** Where it is listed under `paths` or `webhooks`. */
  pointer: string;
  /** The path item object and where it is written (after its `$ref`). */
  item?: Located<JsonObject>;
  unresolved?: UnresolvedRef;
};

/** A parameter object an operation takes. @public */
export type ParameterSite = {
  /** The parameter object (after its `$ref`); it has a string `name` and `in`. */
  value: JsonObject;
  /** Where it is listed (the `$ref` site when it is a reference). */
  pointer: string;
  /** Where the parameter object is written (after its `$ref`). */
  definition: string;
};

/** One operation of a path item, with its effective parameters. @public */
export type OperationSite = {
  /** The path template, or the webhook's name. */
  path: string;
  method: HttpMethod;
  /** Where the operation object is written. */
  pointer: string;
  operation: JsonObject;
  /** Path-level parameters with the operation's merged in, in order. */
  parameters: ParameterSite[];
  /** Parameter `$ref`s that could not be followed. */
  unresolved: UnresolvedRef[];
};
