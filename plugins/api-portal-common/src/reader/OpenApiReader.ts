/*
 * The one reader of OpenAPI 3.0/3.1 and Swagger 2.0 documents that the
 * diff, the SDK generators and the backend share: the dialect, `$ref`s
 * under the reference policy, named components and the operations. It is
 * isomorphic and does no I/O; a parsed document goes in.
 */
import { DialectOptions, DialectReading, readDialect } from './dialect';
import {
  HTTP_METHODS,
  HttpMethod,
  OperationSite,
  ParameterSite,
  PathItemSite,
} from './operations';
import { childPointer, isJsonObject, JsonObject, Located } from './pointer';
import {
  ReferenceLimits,
  refuseExternalReferences,
  RefResolver,
  Resolution,
  UnresolvedRef,
} from './references';

/**
 * Options of {@link OpenApiReader}.
 *
 * @public
 */
export type OpenApiReaderOptions = ReferenceLimits &
  DialectOptions & {
    /**
     * `$ref`s into other documents, which the reader never follows:
     * `refuse` (default) rejects a document that has any with an
     * `InputError` naming them; `report` accepts it, and resolving one
     * reports it as unresolved with reason `external`.
     */
    externalRefs?: 'refuse' | 'report';
  };

/** Named definitions a document can hold. @public */
export type ComponentKind = 'schemas' | 'securitySchemes';

const SWAGGER_COMPONENTS: Record<ComponentKind, string> = {
  schemas: 'definitions',
  securitySchemes: 'securityDefinitions',
};

/**
 * A parsed API description, read lazily. Anything but an object reads as
 * an empty document.
 *
 * @public
 */
export class OpenApiReader {
  readonly root: JsonObject;
  readonly dialect: DialectReading;
  readonly resolver: RefResolver;

  constructor(document: unknown, options: OpenApiReaderOptions = {}) {
    if ((options.externalRefs ?? 'refuse') === 'refuse') {
      refuseExternalReferences(document);
    }
    this.root = isJsonObject(document) ? document : {};
    this.dialect = readDialect(this.root, options);
    this.resolver = new RefResolver(this.root, options);
  }

  get isSwagger(): boolean {
    return this.dialect.dialect === 'swagger-2.0';
  }

  /** Follows a node's `$ref`s, see {@link RefResolver.resolve}. */
  resolve(node: Located): Resolution {
    return this.resolver.resolve(node);
  }

  /** The object a value's `$ref`s lead to, or undefined (not an object, or not followed). */
  resolveObject(value: unknown): JsonObject | undefined {
    const resolution = this.resolver.resolve({ value, pointer: '' });
    return resolution.ok && isJsonObject(resolution.node.value)
      ? resolution.node.value
      : undefined;
  }

  /**
   * The named schemas or security schemes, in document order, where they
   * are written: `components/…` in OpenAPI 3, `definitions` and
   * `securityDefinitions` in Swagger 2.0.
   */
  components(kind: ComponentKind): Array<Located & { name: string }> {
    const holder = this.isSwagger
      ? {
          value: this.root[SWAGGER_COMPONENTS[kind]],
          pointer: `/${SWAGGER_COMPONENTS[kind]}`,
        }
      : {
          value: isJsonObject(this.root.components)
            ? this.root.components[kind]
            : undefined,
          pointer: `/components/${kind}`,
        };
    if (!isJsonObject(holder.value)) {
      return [];
    }
    return Object.entries(holder.value).map(([name, value]) => ({
      name,
      value,
      pointer: childPointer(holder.pointer, name),
    }));
  }

  /**
   * One named schema or security scheme as written (see
   * {@link OpenApiReader.components}), or undefined when there is none of
   * that name. Only this one is read, not its neighbours.
   */
  component(
    kind: ComponentKind,
    name: string,
  ): (Located & { name: string }) | undefined {
    const [field, pointer] = this.isSwagger
      ? [this.root[SWAGGER_COMPONENTS[kind]], `/${SWAGGER_COMPONENTS[kind]}`]
      : [
          isJsonObject(this.root.components)
            ? this.root.components[kind]
            : undefined,
          `/components/${kind}`,
        ];
    if (!isJsonObject(field) || !Object.hasOwn(field, name)) {
      return undefined;
    }
    return { name, value: field[name], pointer: childPointer(pointer, name) };
  }

  /** The keys of `paths`, in document order. */
  pathKeys(): string[] {
    return isJsonObject(this.root.paths) ? Object.keys(this.root.paths) : [];
  }

  /** One path item, its `$ref` followed. */
  pathItem(key: string): PathItemSite {
    return this.pathItemIn('paths', key);
  }

  /**
   * The names of `webhooks` (OpenAPI 3.1), in document order. They are read
   * in any dialect the document declares: a reader shows what is written.
   */
  webhookNames(): string[] {
    return isJsonObject(this.root.webhooks)
      ? Object.keys(this.root.webhooks)
      : [];
  }

  /**
   * One webhook's path item, its `$ref` followed; its `key` is the
   * webhook's name. {@link OpenApiReader.methods} and
   * {@link OpenApiReader.operation} read it as they read a path's.
   */
  webhook(name: string): PathItemSite {
    return this.pathItemIn('webhooks', name);
  }

  private pathItemIn(holder: 'paths' | 'webhooks', key: string): PathItemSite {
    const pointer = childPointer(`/${holder}`, key);
    const field = this.root[holder];
    const items = isJsonObject(field) ? field : {};
    const resolution = this.resolver.resolve({
      value: Object.hasOwn(items, key) ? items[key] : undefined,
      pointer,
    });
    if (!resolution.ok) {
      return { key, pointer, unresolved: resolution.unresolved };
    }
    const { value } = resolution.node;
    return {
      key,
      pointer,
      item: isJsonObject(value)
        ? { value, pointer: resolution.node.pointer }
        : undefined,
    };
  }

  /** The methods a path item declares, in the order of {@link HTTP_METHODS}. */
  methods(path: PathItemSite): HttpMethod[] {
    const item = path.item?.value;
    return item ? HTTP_METHODS.filter(m => isJsonObject(item[m])) : [];
  }

  /** One operation with its effective parameters, or undefined when not declared. */
  operation(path: PathItemSite, method: HttpMethod): OperationSite | undefined {
    const item = path.item;
    const operation = item?.value[method];
    if (!item || !isJsonObject(operation)) {
      return undefined;
    }
    const pointer = childPointer(item.pointer, method);
    const unresolved: UnresolvedRef[] = [];
    const byIdentity = new Map<string, ParameterSite>();
    for (const parameter of [
      ...this.parameters(item.value, item.pointer, unresolved),
      ...this.parameters(operation, pointer, unresolved),
    ]) {
      byIdentity.set(
        `${parameter.value.in}\u0000${parameter.value.name}`,
        parameter,
      );
    }
    return {
      path: path.key,
      method,
      pointer,
      operation,
      parameters: [...byIdentity.values()],
      unresolved,
    };
  }

  /** Every operation of every path item that could be read, in document order. */
  operations(): OperationSite[] {
    return this.pathKeys().flatMap(key => {
      const path = this.pathItem(key);
      return this.methods(path).flatMap(method => {
        const operation = this.operation(path, method);
        return operation ? [operation] : [];
      });
    });
  }

  /**
   * Swagger 2.0 `consumes` or `produces` of an operation: its own list, else
   * the document's (string entries, each where it is written); undefined
   * when neither declares one. An operation's empty list clears the
   * document's, as Swagger 2.0 says; with `emptyList: 'inherits'` it reads
   * as not written, as generators that write `consumes: []` on every
   * operation of a document declaring its media types mean it (DocuSign's).
   */
  swaggerMediaTypes(
    key: 'consumes' | 'produces',
    operation: Located<JsonObject>,
    options: { emptyList?: 'clears' | 'inherits' } = {},
  ): Located<string>[] | undefined {
    const own = operation.value[key];
    const inherits =
      options.emptyList === 'inherits' && Array.isArray(own) && !own.length;
    return (
      (inherits
        ? undefined
        : stringList(operation.value, operation.pointer, key)) ??
      stringList(this.root, '', key)
    );
  }

  /** The parameter objects a path item or operation lists, `$ref`s followed. */
  private parameters(
    owner: JsonObject,
    ownerPointer: string,
    unresolved: UnresolvedRef[],
  ): ParameterSite[] {
    const list = owner.parameters;
    if (!Array.isArray(list)) {
      return [];
    }
    const result: ParameterSite[] = [];
    list.forEach((entry, i) => {
      const site = childPointer(ownerPointer, 'parameters', i);
      const resolution = this.resolver.resolve({ value: entry, pointer: site });
      if (!resolution.ok) {
        unresolved.push(resolution.unresolved);
        return;
      }
      const { value } = resolution.node;
      if (
        isJsonObject(value) &&
        typeof value.name === 'string' &&
        typeof value.in === 'string'
      ) {
        result.push({
          value,
          pointer: site,
          definition: resolution.node.pointer,
        });
      }
    });
    return result;
  }
}

function stringList(
  owner: JsonObject,
  ownerPointer: string,
  key: string,
): Located<string>[] | undefined {
  const list = owner[key];
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.flatMap((entry, i) =>
    typeof entry === 'string'
      ? [{ value: entry, pointer: childPointer(ownerPointer, key, i) }]
      : [],
  );
}
