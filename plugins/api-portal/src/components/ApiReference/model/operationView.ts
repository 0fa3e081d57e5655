/*
 * The details of one operation, read from the document when the operation is
 * opened. Swagger 2.0 operations are mapped onto the OpenAPI 3 shape (body and
 * formData parameters become a request body) so one view shows both. Schemas
 * stay as written, `$ref`s included: the schema tree follows them when opened.
 */
import type {
  Located,
  OpenApiReader,
  ParameterSite,
  RefResolver,
} from '@readiness/plugin-api-portal-common';
import { ApiDocument } from './document';
import {
  arrayField,
  booleanField,
  isJsonObject,
  JsonObject,
  JsonValue,
  objectField,
  stringField,
} from './json';
import { OperationEntry } from './operations';
import { resolveObject } from './references';

export interface ExampleView {
  name: string;
  summary?: string;
  value?: JsonValue;
  externalValue?: string;
}

export interface ParameterView {
  name: string;
  location: string;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema?: JsonValue;
  examples: ExampleView[];
}

export interface MediaTypeView {
  mediaType: string;
  schema?: JsonValue;
  examples: ExampleView[];
}

export interface RequestBodyView {
  description?: string;
  required: boolean;
  content: MediaTypeView[];
}

export interface HeaderView {
  name: string;
  description?: string;
  required: boolean;
  schema?: JsonValue;
}

export interface ResponseView {
  status: string;
  description?: string;
  headers: HeaderView[];
  content: MediaTypeView[];
}

export interface SecuritySchemeUse {
  name: string;
  /** What the scheme is, e.g. `HTTP bearer` or `API key in header "X-Key"`. */
  kind: string;
  description?: string;
  scopes: string[];
}

/** One way to authenticate: every scheme in it applies together. */
export interface SecurityRequirementView {
  schemes: SecuritySchemeUse[];
}

export interface OperationView {
  entry: OperationEntry;
  summary?: string;
  description?: string;
  servers: string[];
  parameters: ParameterView[];
  requestBody?: RequestBodyView;
  responses: ResponseView[];
  /** `undefined` when the document declares no security at all. */
  security?: SecurityRequirementView[];
  externalDocs?: { url: string; description?: string };
}

function examplesOf(resolver: RefResolver, holder: JsonObject): ExampleView[] {
  const examples: ExampleView[] = [];
  if (holder.example !== undefined) {
    examples.push({ name: 'Example', value: holder.example });
  }
  const named = objectField(holder, 'examples');
  for (const [name, value] of Object.entries(named ?? {})) {
    const example = resolveObject(resolver, value);
    if (example) {
      examples.push({
        name,
        summary: stringField(example, 'summary'),
        value: example.value,
        externalValue: stringField(example, 'externalValue'),
      });
    }
  }
  return examples;
}

function contentOf(
  resolver: RefResolver,
  content: JsonObject | undefined,
): MediaTypeView[] {
  return Object.entries(content ?? {}).map(([mediaType, value]) => {
    const media = resolveObject(resolver, value) ?? {};
    return {
      mediaType,
      schema: media.schema,
      examples: examplesOf(resolver, media),
    };
  });
}

function serverUrl(server: JsonObject): string | undefined {
  const url = stringField(server, 'url');
  if (!url) {
    return undefined;
  }
  const variables = objectField(server, 'variables');
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const fallback = stringField(objectField(variables, name), 'default');
    return fallback ?? whole;
  });
}

function serversOf(
  document: ApiDocument,
  pathItem: JsonObject,
  operation: JsonObject,
): string[] {
  if (document.reader.isSwagger) {
    const host = stringField(document.root, 'host');
    const basePath = stringField(document.root, 'basePath') ?? '';
    if (!host) {
      return basePath ? [basePath] : [];
    }
    const schemes = arrayField(operation, 'schemes').length
      ? arrayField(operation, 'schemes')
      : arrayField(document.root, 'schemes');
    const scheme = typeof schemes[0] === 'string' ? schemes[0] : 'https';
    return [`${scheme}://${host}${basePath}`];
  }
  for (const holder of [operation, pathItem, document.root]) {
    const servers = arrayField(holder, 'servers');
    if (servers.length > 0) {
      return servers
        .map(server => (isJsonObject(server) ? serverUrl(server) : undefined))
        .filter((url): url is string => url !== undefined);
    }
  }
  return [];
}

/** A Swagger 2.0 operation's media types; JSON when it declares none. */
function mediaTypesOf(
  reader: OpenApiReader,
  operation: Located<JsonObject>,
  field: 'consumes' | 'produces',
): string[] {
  const types = reader.swaggerMediaTypes(field, operation, {
    emptyList: 'inherits',
  });
  return types?.length ? types.map(type => type.value) : ['application/json'];
}

/** A Swagger 2.0 non-body parameter is its own schema. */
function swaggerParameterSchema(parameter: JsonObject): JsonObject {
  const { name: _name, in: _in, required: _required, ...schema } = parameter;
  return schema;
}

interface Parameters {
  parameters: ParameterView[];
  requestBody?: RequestBodyView;
}

/** An operation's parameters: the path item's with the operation's merged in. */
function parametersOf(
  reader: OpenApiReader,
  operation: Located<JsonObject>,
  sites: ParameterSite[],
): Parameters {
  const { resolver } = reader;
  const swagger = reader.isSwagger;
  const parameters: ParameterView[] = [];
  let requestBody: RequestBodyView | undefined;
  const formProperties: JsonObject = {};
  const formRequired: string[] = [];
  for (const site of sites) {
    const parameter = site.value as JsonObject;
    const name = stringField(parameter, 'name') ?? '';
    const location = stringField(parameter, 'in') ?? '';
    const required = booleanField(parameter, 'required');
    if (swagger && location === 'body') {
      requestBody = {
        description: stringField(parameter, 'description'),
        required,
        content: mediaTypesOf(reader, operation, 'consumes').map(type => ({
          mediaType: type,
          schema: parameter.schema,
          examples: [],
        })),
      };
      continue;
    }
    if (swagger && location === 'formData') {
      formProperties[name] = swaggerParameterSchema(parameter);
      if (required) {
        formRequired.push(name);
      }
      continue;
    }
    const content = contentOf(resolver, objectField(parameter, 'content'));
    parameters.push({
      name,
      location,
      required: required || location === 'path',
      deprecated: booleanField(parameter, 'deprecated'),
      description: stringField(parameter, 'description'),
      schema: swagger
        ? swaggerParameterSchema(parameter)
        : parameter.schema ?? content[0]?.schema,
      examples: examplesOf(resolver, parameter),
    });
  }
  if (Object.keys(formProperties).length > 0) {
    const consumes = mediaTypesOf(reader, operation, 'consumes');
    requestBody = {
      required: formRequired.length > 0,
      content: consumes.map(type => ({
        mediaType: type,
        schema: {
          type: 'object',
          properties: formProperties,
          required: formRequired,
        },
        examples: [],
      })),
    };
  }
  return { parameters, requestBody };
}

function requestBodyOf(
  resolver: RefResolver,
  operation: JsonObject,
): RequestBodyView | undefined {
  const body = resolveObject(resolver, operation.requestBody);
  if (!body) {
    return undefined;
  }
  return {
    description: stringField(body, 'description'),
    required: booleanField(body, 'required'),
    content: contentOf(resolver, objectField(body, 'content')),
  };
}

function statusOrder(status: string): number {
  if (status === 'default') {
    return 1000;
  }
  const code = Number(status.replace(/x/gi, '0'));
  return Number.isFinite(code) ? code : 999;
}

function responsesOf(
  reader: OpenApiReader,
  operation: Located<JsonObject>,
): ResponseView[] {
  const { resolver } = reader;
  const swagger = reader.isSwagger;
  const responses = Object.entries(
    objectField(operation.value, 'responses') ?? {},
  )
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, value]): ResponseView => {
      const response = resolveObject(resolver, value) ?? {};
      const headers = Object.entries(
        objectField(response, 'headers') ?? {},
      ).map(([name, headerValue]): HeaderView => {
        const header = resolveObject(resolver, headerValue) ?? {};
        return {
          name,
          description: stringField(header, 'description'),
          required: booleanField(header, 'required'),
          schema: swagger ? header : header.schema,
        };
      });
      let content: MediaTypeView[];
      if (swagger) {
        const examples = objectField(response, 'examples') ?? {};
        content =
          response.schema === undefined
            ? []
            : mediaTypesOf(reader, operation, 'produces').map(type => ({
                mediaType: type,
                schema: response.schema,
                examples:
                  examples[type] === undefined
                    ? []
                    : [{ name: 'Example', value: examples[type] }],
              }));
      } else {
        content = contentOf(resolver, objectField(response, 'content'));
      }
      return {
        status,
        description: stringField(response, 'description'),
        headers,
        content,
      };
    });
  return responses.sort(
    (a, b) => statusOrder(a.status) - statusOrder(b.status),
  );
}

function schemeKind(scheme: JsonObject | undefined): string {
  const type = stringField(scheme, 'type');
  switch (type) {
    case 'http': {
      const name = stringField(scheme, 'scheme') ?? '';
      const format = stringField(scheme, 'bearerFormat');
      return `HTTP ${name}${format ? ` (${format})` : ''}`.trim();
    }
    case 'basic':
      return 'HTTP basic';
    case 'apiKey':
      return `API key in ${stringField(scheme, 'in') ?? '?'} "${
        stringField(scheme, 'name') ?? '?'
      }"`;
    case 'oauth2':
      return 'OAuth 2.0';
    case 'openIdConnect':
      return 'OpenID Connect';
    case 'mutualTLS':
      return 'Mutual TLS';
    default:
      return type ?? 'Unknown scheme';
  }
}

function securityOf(
  document: ApiDocument,
  operation: JsonObject,
): SecurityRequirementView[] | undefined {
  const { root, reader } = document;
  const declared = Array.isArray(operation.security)
    ? operation.security
    : root.security;
  if (!Array.isArray(declared)) {
    return undefined;
  }
  return declared.filter(isJsonObject).map(requirement => ({
    schemes: Object.entries(requirement).map(([name, scopes]) => {
      const scheme = resolveObject(
        reader.resolver,
        reader.component('securitySchemes', name)?.value as JsonValue,
      );
      return {
        name,
        kind: schemeKind(scheme),
        description: stringField(scheme, 'description'),
        scopes: Array.isArray(scopes)
          ? scopes.filter((s): s is string => typeof s === 'string')
          : [],
      };
    }),
  }));
}

/** Reads the details of one listed operation. */
export function readOperation(
  document: ApiDocument,
  entry: OperationEntry,
): OperationView {
  const { reader } = document;
  const item =
    entry.kind === 'path'
      ? reader.pathItem(entry.path)
      : reader.webhook(entry.path);
  const site = reader.operation(item, entry.method);
  const pathItem = (item.item?.value ?? {}) as JsonObject;
  const located: Located<JsonObject> = {
    value: (site?.operation ?? {}) as JsonObject,
    pointer: site?.pointer ?? '',
  };
  const operation = located.value;
  const { parameters, requestBody } = parametersOf(
    reader,
    located,
    site?.parameters ?? [],
  );
  const externalDocs = objectField(operation, 'externalDocs');
  const externalUrl = stringField(externalDocs, 'url');
  return {
    entry,
    summary: stringField(operation, 'summary'),
    description:
      stringField(operation, 'description') ??
      stringField(pathItem, 'description'),
    servers: serversOf(document, pathItem, operation),
    parameters,
    requestBody: requestBody ?? requestBodyOf(reader.resolver, operation),
    responses: responsesOf(reader, located),
    security: securityOf(document, operation),
    externalDocs: externalUrl
      ? {
          url: externalUrl,
          description: stringField(externalDocs, 'description'),
        }
      : undefined,
  };
}
