/*
 * A uniform, lazily built view of OpenAPI 3.0, 3.1 and Swagger 2.0 documents:
 * the diff rules see operations, parameters, request bodies and responses the
 * same way whichever dialect the document is written in. Swagger 2.0 `body`
 * parameters become a request body (one media type per `consumes` entry),
 * response schemas get one media type per `produces` entry, and `formData`
 * parameters stay parameters (`in: formData`) whose schema is the parameter
 * itself. Every part keeps the JSON pointer it was read from. The document
 * is read with the portal's one reader (`../reader`).
 */
import {
  ApiDialect,
  childPointer,
  HttpMethod,
  isJsonObject as isObject,
  Located,
  OpenApiReader,
  OpenApiReaderOptions,
  ParameterSite,
  PathItemSite,
  RefResolver,
  UnresolvedRef,
} from '../reader';

/** The dialect of an API description. @public */
export type ApiDocumentKind = ApiDialect | 'unknown';

/** One media type of a request body or response, with its schema. @public */
export type MediaTypeModel = {
  mediaType: string;
  pointer: string;
  schema?: Located;
};

/** A non-body parameter of an operation. @public */
export type ParameterModel = {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  /** Where the parameter is listed (the `$ref` site when it is a reference). */
  pointer: string;
  /** Where the parameter object is written (after its `$ref`). */
  definition: string;
  /** Identity across versions: `in` + name; path parameters by position. */
  key: string;
  /** Index among the operation's parameters with the same `in`. */
  position: number;
  /** The declared type of its schema, when it is a single plain type. */
  type?: string;
  /** The schema: `schema` (3.x), the first `content` schema, or the
   *  Swagger 2.0 parameter object itself. */
  schema?: Located;
};

/** The request body of an operation. @public */
export type RequestBodyModel = {
  pointer: string;
  required: boolean;
  content: Map<string, MediaTypeModel>;
};

/** One response of an operation. @public */
export type ResponseModel = {
  status: string;
  /** Where the response is listed under `responses`. */
  pointer: string;
  content: Map<string, MediaTypeModel>;
  unresolved?: UnresolvedRef;
};

/** A path item, resolved when it is a local `$ref`. @public */
export type PathModel = PathItemSite;

/** One operation of a path. @public */
export type OperationModel = {
  path: string;
  method: HttpMethod;
  pointer: string;
  operationId?: string;
  deprecated: boolean;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: Map<string, ResponseModel>;
  /** The operation's own `security`, when it declares one. */
  security?: Located;
  /** Parameter `$ref`s that could not be followed. */
  unresolved: UnresolvedRef[];
};

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map(m => m[1]);
}

/**
 * How the diff reads documents: external `$ref`s are findings, not a
 * refusal, and `$ref` chains are not cut short (a chain ends at a cycle;
 * the comparison has its own budget, `maxSchemaComparisons`).
 */
const DIFF_READER_OPTIONS: OpenApiReaderOptions = {
  externalRefs: 'report',
  maxHops: Number.POSITIVE_INFINITY,
  maxResolutions: Number.POSITIVE_INFINITY,
};

/** A parsed API description with lazily built operation models. @public */
export class ApiDocument {
  readonly resolver: RefResolver;
  readonly kind: ApiDocumentKind;
  private readonly reader: OpenApiReader;
  private readonly root: Record<string, unknown>;

  private constructor(value: unknown) {
    this.reader = new OpenApiReader(value, DIFF_READER_OPTIONS);
    this.root = this.reader.root;
    this.resolver = this.reader.resolver;
    this.kind = this.reader.dialect.dialect ?? 'unknown';
  }

  /** Wraps a parsed document; anything but an object reads as empty. */
  static read(value: unknown): ApiDocument {
    return new ApiDocument(value);
  }

  get isSwagger(): boolean {
    return this.reader.isSwagger;
  }

  /** The keys of `paths`, in document order. */
  pathKeys(): string[] {
    return this.reader.pathKeys();
  }

  /** One path item, its `$ref` followed. */
  path(key: string): PathModel {
    return this.reader.pathItem(key);
  }

  /** The methods a path item declares, in the order of `HTTP_METHODS`. */
  methods(path: PathModel): HttpMethod[] {
    return this.reader.methods(path);
  }

  /** The model of one operation, or undefined when it is not declared. */
  operation(path: PathModel, method: HttpMethod): OperationModel | undefined {
    const site = this.reader.operation(path, method);
    if (!site) {
      return undefined;
    }
    const { operation: value, pointer, parameters: effective } = site;
    const body = effective.find(p => p.value.in === 'body');
    return {
      path: path.key,
      method,
      pointer,
      operationId: asString(value.operationId),
      deprecated: value.deprecated === true,
      parameters: this.parameterModels(
        path.key,
        effective.filter(p => p.value.in !== 'body'),
      ),
      requestBody: body
        ? this.swaggerBody(body, value, pointer)
        : this.requestBody(value, pointer),
      responses: this.responses(value, pointer),
      security: Array.isArray(value.security)
        ? { value: value.security, pointer: childPointer(pointer, 'security') }
        : undefined,
      unresolved: site.unresolved,
    };
  }

  /** The document-wide `security`, when declared. */
  globalSecurity(): Located | undefined {
    return Array.isArray(this.root.security)
      ? { value: this.root.security, pointer: '/security' }
      : undefined;
  }

  /** The security schemes by name (`securitySchemes` or `securityDefinitions`). */
  securitySchemes(): Map<string, Located> {
    return new Map(
      this.reader
        .components('securitySchemes')
        .map(({ name, value, pointer }) => [name, { value, pointer }]),
    );
  }

  private parameterModels(
    path: string,
    params: ParameterSite[],
  ): ParameterModel[] {
    const names = templateNames(path);
    const seenPerLocation = new Map<string, number>();
    return params.map(p => {
      const name = String(p.value.name);
      const location = String(p.value.in);
      const position = seenPerLocation.get(location) ?? 0;
      seenPerLocation.set(location, position + 1);
      const templateIndex = names.indexOf(name);
      let key = `${location}:${name}`;
      if (location === 'path' && templateIndex >= 0) {
        // Path parameters are positional: `{id}` → `{accountId}` is no change.
        key = `path:#${templateIndex}`;
      } else if (location === 'header') {
        key = `header:${name.toLowerCase()}`;
      }
      const schema = this.parameterSchema(p);
      return {
        name,
        in: location,
        required: p.value.required === true,
        deprecated: p.value.deprecated === true,
        pointer: p.pointer,
        definition: p.definition,
        key,
        position,
        type: schema ? this.plainType(schema) : undefined,
        schema,
      };
    });
  }

  private parameterSchema(p: ParameterSite): Located | undefined {
    const { definition } = p;
    if (this.isSwagger) {
      return { value: p.value, pointer: definition };
    }
    if (p.value.schema !== undefined) {
      return {
        value: p.value.schema,
        pointer: childPointer(definition, 'schema'),
      };
    }
    if (isObject(p.value.content)) {
      const [first] = Object.entries(p.value.content);
      if (first && isObject(first[1]) && first[1].schema !== undefined) {
        return {
          value: first[1].schema,
          pointer: childPointer(definition, 'content', first[0], 'schema'),
        };
      }
    }
    return undefined;
  }

  private plainType(schema: Located): string | undefined {
    const resolution = this.resolver.resolve(schema);
    if (!resolution.ok || !isObject(resolution.node.value)) {
      return undefined;
    }
    const { type } = resolution.node.value;
    if (typeof type === 'string') {
      return type;
    }
    if (Array.isArray(type)) {
      const nonNull = type.filter(t => t !== 'null');
      return nonNull.length === 1 ? String(nonNull[0]) : undefined;
    }
    return undefined;
  }

  private requestBody(
    operation: Record<string, unknown>,
    pointer: string,
  ): RequestBodyModel | undefined {
    if (operation.requestBody === undefined) {
      return undefined;
    }
    const resolution = this.resolver.resolve({
      value: operation.requestBody,
      pointer: childPointer(pointer, 'requestBody'),
    });
    if (!resolution.ok || !isObject(resolution.node.value)) {
      return undefined;
    }
    const body = resolution.node.value;
    return {
      pointer: resolution.node.pointer,
      required: body.required === true,
      content: this.content(body, resolution.node.pointer),
    };
  }

  private swaggerBody(
    param: ParameterSite,
    operation: Record<string, unknown>,
    operationPointer: string,
  ): RequestBodyModel {
    const { definition } = param;
    const schema =
      param.value.schema === undefined
        ? undefined
        : {
            value: param.value.schema,
            pointer: childPointer(definition, 'schema'),
          };
    const content = new Map<string, MediaTypeModel>();
    for (const mt of this.mediaTypes(
      'consumes',
      operation,
      operationPointer,
      param.pointer,
    )) {
      content.set(mt.value, {
        mediaType: mt.value,
        pointer: mt.pointer,
        schema,
      });
    }
    return {
      pointer: param.pointer,
      required: param.value.required === true,
      content,
    };
  }

  /** Swagger 2.0 `consumes`/`produces`: the operation's, the document's, or JSON. */
  private mediaTypes(
    key: 'consumes' | 'produces',
    operation: Record<string, unknown>,
    operationPointer: string,
    fallbackPointer: string,
  ): Located<string>[] {
    const list = this.reader.swaggerMediaTypes(key, {
      value: operation,
      pointer: operationPointer,
    });
    return list && list.length > 0
      ? list
      : [{ value: 'application/json', pointer: fallbackPointer }];
  }

  private content(
    owner: Record<string, unknown>,
    ownerPointer: string,
  ): Map<string, MediaTypeModel> {
    const content = new Map<string, MediaTypeModel>();
    if (!isObject(owner.content)) {
      return content;
    }
    for (const [mediaType, value] of Object.entries(owner.content)) {
      const pointer = childPointer(ownerPointer, 'content', mediaType);
      content.set(mediaType, {
        mediaType,
        pointer,
        schema:
          isObject(value) && value.schema !== undefined
            ? { value: value.schema, pointer: childPointer(pointer, 'schema') }
            : undefined,
      });
    }
    return content;
  }

  private responses(
    operation: Record<string, unknown>,
    operationPointer: string,
  ): Map<string, ResponseModel> {
    const responses = new Map<string, ResponseModel>();
    if (!isObject(operation.responses)) {
      return responses;
    }
    for (const [status, value] of Object.entries(operation.responses)) {
      const pointer = childPointer(operationPointer, 'responses', status);
      const resolution = this.resolver.resolve({ value, pointer });
      if (!resolution.ok) {
        responses.set(status, {
          status,
          pointer,
          content: new Map(),
          unresolved: resolution.unresolved,
        });
        continue;
      }
      const response = resolution.node.value;
      if (!isObject(response)) {
        continue;
      }
      let content: Map<string, MediaTypeModel>;
      if (this.isSwagger) {
        content = new Map();
        if (response.schema !== undefined) {
          const schema = {
            value: response.schema,
            pointer: childPointer(resolution.node.pointer, 'schema'),
          };
          for (const mt of this.mediaTypes(
            'produces',
            operation,
            operationPointer,
            pointer,
          )) {
            content.set(mt.value, {
              mediaType: mt.value,
              pointer: mt.pointer,
              schema,
            });
          }
        }
      } else {
        content = this.content(response, resolution.node.pointer);
      }
      responses.set(status, { status, pointer, content });
    }
    return responses;
  }
}
