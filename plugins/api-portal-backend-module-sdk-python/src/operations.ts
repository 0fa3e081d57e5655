import {
  OpenApiReader,
  OperationSite,
} from '@readiness/plugin-api-portal-common';
import { asArray, asObject, asString, isObject, JsonObject } from './values';

/** Where a parameter is sent. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A request parameter, the same for Swagger 2.0 and OpenAPI 3. */
export interface OperationParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** A JSON schema; Swagger 2.0 parameter fields are turned into one. */
  schema: unknown;
  description?: string;
  /** Arrays as repeated parameters (`true`) or comma-separated (`false`). */
  explode: boolean;
}

/** How a request or response body is encoded. */
export type BodyEncoding = 'json' | 'form' | 'raw';

/** The request body an operation takes. */
export interface OperationBody {
  required: boolean;
  mediaType: string;
  encoding: BodyEncoding;
  schema: unknown;
  description?: string;
  /** The first example the document gives for it, if any. */
  example?: unknown;
}

/** A successful (2xx) response. */
export interface OperationResult {
  status: string;
  encoding: 'json' | 'raw' | 'empty';
  schema?: unknown;
}

/** An operation of `paths`, normalised across spec versions. */
export interface ApiOperation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  parameters: OperationParameter[];
  body?: OperationBody;
  results: OperationResult[];
  /** Alternatives of scheme names, see `securityRequirementsOf`. */
  security: string[][];
}

const JSON_MEDIA = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const FORM_MEDIA = 'application/x-www-form-urlencoded';

function isJsonMedia(mediaType: string): boolean {
  return JSON_MEDIA.test(mediaType) || mediaType.trim() === '*/*';
}

/** Picks the media type a generated client sends or expects. */
function pickMediaType(types: string[]): string | undefined {
  return (
    types.find(t => JSON_MEDIA.test(t)) ??
    types.find(t => t.trim() === '*/*') ??
    types.find(t => t.toLocaleLowerCase('en-US').startsWith(FORM_MEDIA)) ??
    types[0]
  );
}

function encodingOf(mediaType: string): BodyEncoding {
  if (isJsonMedia(mediaType)) return 'json';
  return mediaType.toLocaleLowerCase('en-US').startsWith(FORM_MEDIA)
    ? 'form'
    : 'raw';
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string');
}

function exampleOf(reader: OpenApiReader, media: JsonObject): unknown {
  if (media.example !== undefined) return media.example;
  for (const example of Object.values(asObject(media.examples))) {
    const resolved = reader.resolveObject(example);
    if (resolved && resolved.value !== undefined) return resolved.value;
  }
  const schema = reader.resolveObject(media.schema);
  return schema?.example;
}

/** A Swagger 2.0 non-body parameter's type fields as a JSON schema. */
function swaggerParameterSchema(param: JsonObject): JsonObject {
  const schema: JsonObject = {};
  for (const key of ['type', 'format', 'items', 'enum', 'default']) {
    if (param[key] !== undefined) schema[key] = param[key];
  }
  return schema;
}

interface RawParameter {
  raw: JsonObject;
  name: string;
  in: string;
}

/** The effective parameters with a name and a place (`in`). */
function rawParameters(site: OperationSite): RawParameter[] {
  return site.parameters.flatMap(({ value: raw }) => {
    const name = asString(raw.name);
    const location = asString(raw.in);
    return name && location ? [{ raw, name, in: location }] : [];
  });
}

function openApiParameter(param: RawParameter): OperationParameter | undefined {
  const location = param.in;
  if (
    location !== 'path' &&
    location !== 'query' &&
    location !== 'header' &&
    location !== 'cookie'
  ) {
    return undefined;
  }
  let schema = param.raw.schema;
  if (schema === undefined) {
    const content = asObject(param.raw.content);
    const first = Object.values(content).find(isObject);
    schema = first?.schema;
  }
  const style = asString(param.raw.style);
  const explode =
    typeof param.raw.explode === 'boolean'
      ? param.raw.explode
      : (style ??
          (location === 'query' || location === 'cookie'
            ? 'form'
            : 'simple')) === 'form';
  return {
    name: param.name,
    in: location,
    required: location === 'path' || param.raw.required === true,
    schema,
    description: asString(param.raw.description),
    explode,
  };
}

function openApiBody(
  reader: OpenApiReader,
  value: unknown,
): OperationBody | undefined {
  const body = reader.resolveObject(value);
  if (!body) return undefined;
  const content = asObject(body.content);
  const mediaType = pickMediaType(Object.keys(content));
  if (!mediaType) return undefined;
  const media = asObject(reader.resolveObject(content[mediaType]));
  return {
    required: body.required === true,
    mediaType,
    encoding: encodingOf(mediaType),
    schema: media.schema,
    description: asString(body.description),
    example: exampleOf(reader, media),
  };
}

function openApiResults(
  reader: OpenApiReader,
  responses: JsonObject,
): OperationResult[] {
  return successStatuses(responses).map(status => {
    const response = asObject(reader.resolveObject(responses[status]));
    const content = asObject(response.content);
    const mediaType = pickMediaType(Object.keys(content));
    if (!mediaType) return { status, encoding: 'empty' };
    const media = asObject(reader.resolveObject(content[mediaType]));
    return isJsonMedia(mediaType)
      ? { status, encoding: 'json', schema: media.schema }
      : { status, encoding: 'raw' };
  });
}

function successStatuses(responses: JsonObject): string[] {
  return Object.keys(responses)
    .filter(status => /^2(\d\d|xx)$/i.test(status))
    .sort();
}

function swaggerOperationParts(
  reader: OpenApiReader,
  site: OperationSite,
  params: RawParameter[],
): Pick<ApiOperation, 'parameters' | 'body' | 'results'> {
  const { operation } = site;
  const located = { value: operation, pointer: site.pointer };
  const mediaTypes = (key: 'consumes' | 'produces') =>
    reader.swaggerMediaTypes(key, located)?.map(m => m.value) ?? [
      'application/json',
    ];
  const consumes = mediaTypes('consumes');
  const produces = mediaTypes('produces');
  const parameters: OperationParameter[] = [];
  let body: OperationBody | undefined;
  const formFields: RawParameter[] = [];
  for (const param of params) {
    if (param.in === 'body') {
      const mediaType = pickMediaType(consumes) ?? 'application/json';
      const encoding = encodingOf(mediaType);
      const schema = param.raw.schema;
      body = {
        required: param.raw.required === true,
        mediaType,
        encoding: encoding === 'form' ? 'json' : encoding,
        schema,
        description: asString(param.raw.description),
        example:
          Object.values(asObject(param.raw['x-examples']))[0] ??
          reader.resolveObject(schema)?.example,
      };
    } else if (param.in === 'formData') {
      formFields.push(param);
    } else if (['path', 'query', 'header'].includes(param.in)) {
      parameters.push({
        name: param.name,
        in: param.in as ParameterLocation,
        required: param.in === 'path' || param.raw.required === true,
        schema: swaggerParameterSchema(param.raw),
        description: asString(param.raw.description),
        explode: param.raw.collectionFormat === 'multi',
      });
    }
  }
  if (!body && formFields.length > 0) {
    const hasFile = formFields.some(f => f.raw.type === 'file');
    const urlEncoded = consumes.some(c =>
      c.toLocaleLowerCase('en-US').startsWith(FORM_MEDIA),
    );
    const properties: JsonObject = {};
    for (const field of formFields) {
      properties[field.name] = swaggerParameterSchema(field.raw);
    }
    const required = formFields
      .filter(f => f.raw.required === true)
      .map(f => f.name);
    body = {
      required: required.length > 0,
      mediaType: urlEncoded && !hasFile ? FORM_MEDIA : 'multipart/form-data',
      encoding: urlEncoded && !hasFile ? 'form' : 'raw',
      schema: { type: 'object', properties, required },
    };
  }
  const responses = asObject(operation.responses);
  const jsonResponses = produces.length === 0 || produces.some(isJsonMedia);
  const results = successStatuses(responses).map((status): OperationResult => {
    const response = asObject(reader.resolveObject(responses[status]));
    if (response.schema === undefined) return { status, encoding: 'empty' };
    const fileSchema = asObject(response.schema).type === 'file';
    return jsonResponses && !fileSchema
      ? { status, encoding: 'json', schema: response.schema }
      : { status, encoding: 'raw' };
  });
  return { parameters, body, results };
}

/**
 * Parses a `security` array into alternatives, each a list of scheme names
 * that must all be sent. `[]` means no authentication; an empty alternative
 * means authentication is optional. `undefined` when the value is absent.
 */
export function securityRequirementsOf(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return asArray(value)
    .filter(isObject)
    .map(requirement => Object.keys(requirement));
}

/**
 * The operations under `paths`, in document order. Broken parts (a path
 * item that is not an object, a parameter without a name, ...) are skipped.
 */
export function listOperations(reader: OpenApiReader): ApiOperation[] {
  const globalSecurity = securityRequirementsOf(reader.root.security) ?? [];
  return reader.operations().flatMap((site): ApiOperation[] => {
    if (!site.path.startsWith('/')) return [];
    const { operation } = site;
    const params = rawParameters(site);
    const parts = reader.isSwagger
      ? swaggerOperationParts(reader, site, params)
      : {
          parameters: params
            .map(openApiParameter)
            .filter((p): p is OperationParameter => p !== undefined),
          body: openApiBody(reader, operation.requestBody),
          results: openApiResults(reader, asObject(operation.responses)),
        };
    return [
      {
        method: site.method.toLocaleUpperCase('en-US'),
        path: site.path,
        operationId: asString(operation.operationId)?.trim() || undefined,
        summary: asString(operation.summary),
        description: asString(operation.description),
        deprecated: operation.deprecated === true,
        tags: stringList(operation.tags) ?? [],
        ...parts,
        security: securityRequirementsOf(operation.security) ?? globalSecurity,
      },
    ];
  });
}
