/*
 * The details of one operation, read from the document when the operation is
 * opened. Swagger 2.0 operations are mapped onto the OpenAPI 3 shape (body and
 * formData parameters become a request body) so one view shows both. Schemas
 * stay as written, `$ref`s included: the schema tree follows them when opened.
 */
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
import { ReferenceResolver } from './references';

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

function examplesOf(
  resolver: ReferenceResolver,
  holder: JsonObject,
): ExampleView[] {
  const examples: ExampleView[] = [];
  if (holder.example !== undefined) {
    examples.push({ name: 'Example', value: holder.example });
  }
  const named = objectField(holder, 'examples');
  for (const [name, value] of Object.entries(named ?? {})) {
    const example = resolver.resolveObject(value);
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
  resolver: ReferenceResolver,
  content: JsonObject | undefined,
): MediaTypeView[] {
  return Object.entries(content ?? {}).map(([mediaType, value]) => {
    const media = resolver.resolveObject(value) ?? {};
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
  if (document.specification === 'swagger-2.0') {
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

function mediaTypesOf(
  document: ApiDocument,
  operation: JsonObject,
  field: 'consumes' | 'produces',
): string[] {
  const own = arrayField(operation, field);
  const types = (
    own.length > 0 ? own : arrayField(document.root, field)
  ).filter((type): type is string => typeof type === 'string');
  return types.length > 0 ? types : ['application/json'];
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

function parametersOf(
  document: ApiDocument,
  pathItem: JsonObject,
  operation: JsonObject,
): Parameters {
  const { resolver } = document;
  const byKey = new Map<string, JsonObject>();
  for (const holder of [pathItem, operation]) {
    for (const value of arrayField(holder, 'parameters')) {
      const parameter = resolver.resolveObject(value);
      const name = stringField(parameter, 'name');
      const location = stringField(parameter, 'in');
      if (parameter && name !== undefined && location !== undefined) {
        byKey.set(`${location} ${name}`, parameter);
      }
    }
  }
  const swagger = document.specification === 'swagger-2.0';
  const parameters: ParameterView[] = [];
  let requestBody: RequestBodyView | undefined;
  const formProperties: JsonObject = {};
  const formRequired: string[] = [];
  for (const parameter of byKey.values()) {
    const name = stringField(parameter, 'name') ?? '';
    const location = stringField(parameter, 'in') ?? '';
    const required = booleanField(parameter, 'required');
    if (swagger && location === 'body') {
      requestBody = {
        description: stringField(parameter, 'description'),
        required,
        content: mediaTypesOf(document, operation, 'consumes').map(type => ({
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
    const consumes = mediaTypesOf(document, operation, 'consumes');
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
  document: ApiDocument,
  operation: JsonObject,
): RequestBodyView | undefined {
  const body = document.resolver.resolveObject(operation.requestBody);
  if (!body) {
    return undefined;
  }
  return {
    description: stringField(body, 'description'),
    required: booleanField(body, 'required'),
    content: contentOf(document.resolver, objectField(body, 'content')),
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
  document: ApiDocument,
  operation: JsonObject,
): ResponseView[] {
  const { resolver } = document;
  const swagger = document.specification === 'swagger-2.0';
  const responses = Object.entries(objectField(operation, 'responses') ?? {})
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, value]): ResponseView => {
      const response = resolver.resolveObject(value) ?? {};
      const headers = Object.entries(
        objectField(response, 'headers') ?? {},
      ).map(([name, headerValue]): HeaderView => {
        const header = resolver.resolveObject(headerValue) ?? {};
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
            : mediaTypesOf(document, operation, 'produces').map(type => ({
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
  const { root, resolver } = document;
  const declared = Array.isArray(operation.security)
    ? operation.security
    : root.security;
  if (!Array.isArray(declared)) {
    return undefined;
  }
  const schemes =
    document.specification === 'swagger-2.0'
      ? objectField(root, 'securityDefinitions')
      : objectField(objectField(root, 'components'), 'securitySchemes');
  return declared.filter(isJsonObject).map(requirement => ({
    schemes: Object.entries(requirement).map(([name, scopes]) => {
      const scheme = resolver.resolveObject(schemes?.[name]);
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
  const { root, resolver } = document;
  const items = objectField(root, entry.kind === 'path' ? 'paths' : 'webhooks');
  const pathItem = resolver.resolveObject(items?.[entry.path]) ?? {};
  const operation = objectField(pathItem, entry.method) ?? {};
  const { parameters, requestBody } = parametersOf(
    document,
    pathItem,
    operation,
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
    requestBody: requestBody ?? requestBodyOf(document, operation),
    responses: responsesOf(document, operation),
    security: securityOf(document, operation),
    externalDocs: externalUrl
      ? {
          url: externalUrl,
          description: stringField(externalDocs, 'description'),
        }
      : undefined,
  };
}
