/**
 * Turns JSON schemas into Python types. Named schemas (`components.schemas`,
 * `definitions`) become models; inline object schemas are hoisted into
 * models named after where they appear (`JournalEntryLines`, ...). Anything
 * that cannot be typed (external or broken `$ref`s, `not`, intersections of
 * non-objects) becomes `Any` rather than an error.
 */
import type { OpenApiReader } from '@readiness/plugin-api-portal-common';
import { asArray, asObject, asString, isObject, JsonObject } from './values';
import { NameScope, toPascalCase } from './naming';
import { ANY, LiteralValue, optionalOf, PyType, unionOf } from './pyTypes';

/** A key of a TypedDict model. */
export interface ModelField {
  key: string;
  type: PyType;
}

/** A model of `models.py`. */
export type ModelDefinition =
  | {
      kind: 'typeddict';
      name: string;
      description?: string;
      required: ModelField[];
      optional: ModelField[];
    }
  | { kind: 'alias'; name: string; description?: string; type: PyType };

interface ObjectShape {
  properties: Map<string, unknown>;
  required: Set<string>;
}

/** Names `models.py` imports from `typing`; models never take them. */
export const TYPING_NAMES = [
  'Any',
  'Dict',
  'List',
  'Literal',
  'Optional',
  'TypedDict',
  'Union',
];

const MAX_DEPTH = 40;
const MAX_WARNINGS = 20;

function isLiteralValue(value: unknown): value is LiteralValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isSafeInteger(value))
  );
}

function typesOf(schema: JsonObject): { types: string[]; nullable: boolean } {
  const raw = Array.isArray(schema.type) ? schema.type : [schema.type];
  const types = raw.filter((t): t is string => typeof t === 'string');
  return {
    types: types.filter(t => t !== 'null'),
    nullable:
      types.includes('null') ||
      schema.nullable === true ||
      schema['x-nullable'] === true,
  };
}

/** Builds the models of one document; see the module note. */
export class ModelBuilder {
  readonly definitions: ModelDefinition[] = [];
  readonly #reader: OpenApiReader;
  readonly #names: NameScope;
  readonly #log: (line: string) => void;
  /** Pointer of each named schema → its model name. */
  readonly #components = new Map<string, string>();
  readonly #componentSchemas: Array<[string, string, unknown]> = [];
  readonly #pointerTypes = new Map<string, PyType>();
  readonly #resolving = new Set<string>();
  readonly #hoisted = new WeakMap<object, PyType>();
  #warnings = 0;

  constructor(reader: OpenApiReader, log: (line: string) => void) {
    this.#reader = reader;
    this.#log = log;
    this.#names = new NameScope(TYPING_NAMES);
    for (const component of reader.components('schemas')) {
      const { name: key, value: schema } = component;
      // `#/components/schemas/A`, as a `$ref` names it
      const pointer = `#${component.pointer}`;
      const name = this.#names.claim(toPascalCase(key));
      this.#components.set(pointer, name);
      this.#componentSchemas.push([pointer, name, schema]);
    }
  }

  /** The named schemas, as `[pointer, model name, schema]`. */
  get componentSchemas(): ReadonlyArray<[string, string, unknown]> {
    return this.#componentSchemas;
  }

  /** Defines the model of one named schema. */
  defineComponent(pointer: string, name: string, schema: unknown): void {
    const description = asString(asObject(schema).description);
    // A named schema that only points at another one becomes an alias of it.
    const shape =
      typeof asObject(schema).$ref === 'string'
        ? undefined
        : this.#objectShape(schema, new Set([pointer]));
    if (shape) {
      this.#defineTypedDict(name, description, shape, 0);
      return;
    }
    this.#resolving.add(pointer);
    const type = this.typeOf(schema, name, 0);
    this.#resolving.delete(pointer);
    this.definitions.push({ kind: 'alias', name, description, type });
  }

  /** The Python type of a schema; inline objects become models named from `hint`. */
  typeOf(schema: unknown, hint: string, depth: number): PyType {
    if (depth > MAX_DEPTH || !isObject(schema)) return ANY;
    if (typeof schema.$ref === 'string') {
      return this.#refType(schema.$ref, depth);
    }
    const { types, nullable } = typesOf(schema);
    const type = this.#nonNullTypeOf(schema, types, hint, depth);
    return nullable ? optionalOf(type) : type;
  }

  #nonNullTypeOf(
    schema: JsonObject,
    types: string[],
    hint: string,
    depth: number,
  ): PyType {
    if (Object.hasOwn(schema, 'const') && isLiteralValue(schema.const)) {
      return { kind: 'literal', values: [schema.const] };
    }
    const values = asArray(schema.enum);
    if (values.length > 0 && values.every(isLiteralValue)) {
      const nonNull = [...new Set(values.filter(v => v !== null))];
      if (nonNull.length === 0) return { kind: 'none' };
      const literal: PyType = { kind: 'literal', values: nonNull };
      return nonNull.length < values.length ? optionalOf(literal) : literal;
    }
    if (values.length > 0 && values.every(v => typeof v === 'number')) {
      return { kind: 'builtin', name: 'float' };
    }
    const objectLike = types.length === 0 || types.includes('object');
    const shape = objectLike ? this.#objectShape(schema, new Set()) : undefined;
    if (shape) return this.#hoist(schema, shape, hint, depth);
    const alternatives = [...asArray(schema.oneOf), ...asArray(schema.anyOf)];
    if (alternatives.length > 0) {
      return unionOf(
        alternatives.map((member, i) =>
          this.typeOf(member, `${hint}Variant${i + 1}`, depth + 1),
        ),
      );
    }
    const allOf = asArray(schema.allOf);
    if (allOf.length === 1) return this.typeOf(allOf[0], hint, depth + 1);
    if (allOf.length > 1) return ANY;
    if (types.length === 0) {
      if (schema.items !== undefined)
        return this.#arrayType(schema, hint, depth);
      if (schema.additionalProperties !== undefined) {
        return this.#dictType(schema, hint, depth);
      }
      return ANY;
    }
    return unionOf(
      types.map((type): PyType => {
        switch (type) {
          case 'string':
            return { kind: 'builtin', name: 'str' };
          case 'integer':
            return { kind: 'builtin', name: 'int' };
          case 'number':
            return { kind: 'builtin', name: 'float' };
          case 'boolean':
            return { kind: 'builtin', name: 'bool' };
          case 'array':
            return this.#arrayType(schema, hint, depth);
          case 'object':
            return this.#dictType(schema, hint, depth);
          default:
            return ANY;
        }
      }),
    );
  }

  #arrayType(schema: JsonObject, hint: string, depth: number): PyType {
    const items = Array.isArray(schema.items)
      ? unionOf(
          schema.items.map(item => this.typeOf(item, `${hint}Item`, depth + 1)),
        )
      : this.typeOf(schema.items, `${hint}Item`, depth + 1);
    return { kind: 'list', item: items };
  }

  #dictType(schema: JsonObject, hint: string, depth: number): PyType {
    const extra = schema.additionalProperties;
    return {
      kind: 'dict',
      value: isObject(extra)
        ? this.typeOf(extra, `${hint}Value`, depth + 1)
        : ANY,
    };
  }

  #refType(ref: string, depth: number): PyType {
    const component =
      this.#components.get(ref) ?? this.#components.get(safeDecode(ref));
    if (component) return { kind: 'model', name: component };
    const known = this.#pointerTypes.get(ref);
    if (known) return known;
    if (!ref.startsWith('#')) {
      this.#warn(`external $ref '${ref}' is typed as Any`);
      return ANY;
    }
    if (this.#resolving.has(ref)) return ANY;
    const target = this.#reader.resolver.lookUp(ref);
    if (target === 'budget') {
      this.#warn(`$ref '${ref}' is past the document's budget; typed as Any`);
      return ANY;
    }
    if (typeof target === 'string') {
      this.#warn(`$ref '${ref}' points at nothing; typed as Any`);
      return ANY;
    }
    this.#resolving.add(ref);
    const segments = ref.split('/');
    const hint = toPascalCase(segments.slice(-2).join('_'));
    const type = this.typeOf(target.value, hint, depth + 1);
    this.#resolving.delete(ref);
    this.#pointerTypes.set(ref, type);
    return type;
  }

  /**
   * The properties of an object schema, with `allOf` members merged in; or
   * `undefined` when it has none (then it is not a model).
   */
  #objectShape(schema: unknown, seen: Set<string>): ObjectShape | undefined {
    let target = schema;
    if (isObject(target) && typeof target.$ref === 'string') {
      const ref = target.$ref;
      if (seen.has(ref)) return undefined;
      seen.add(ref);
      const found = this.#reader.resolver.lookUp(ref);
      target = typeof found === 'string' ? undefined : found.value;
    }
    if (!isObject(target)) return undefined;
    const { types } = typesOf(target);
    if (types.length > 0 && !types.includes('object')) return undefined;
    const shape: ObjectShape = { properties: new Map(), required: new Set() };
    for (const member of asArray(target.allOf)) {
      const inner = this.#objectShape(member, seen);
      if (!inner) continue;
      inner.properties.forEach((v, k) => shape.properties.set(k, v));
      inner.required.forEach(k => shape.required.add(k));
    }
    for (const [key, value] of Object.entries(asObject(target.properties))) {
      shape.properties.set(key, value);
    }
    for (const key of asArray(target.required)) {
      if (typeof key === 'string') shape.required.add(key);
    }
    return shape.properties.size > 0 ? shape : undefined;
  }

  #hoist(
    schema: JsonObject,
    shape: ObjectShape,
    hint: string,
    depth: number,
  ): PyType {
    const known = this.#hoisted.get(schema);
    if (known) return known;
    const name = this.#names.claim(toPascalCase(hint));
    const type: PyType = { kind: 'model', name };
    this.#hoisted.set(schema, type);
    this.#defineTypedDict(name, asString(schema.description), shape, depth);
    return type;
  }

  #defineTypedDict(
    name: string,
    description: string | undefined,
    shape: ObjectShape,
    depth: number,
  ): void {
    const definition: ModelDefinition = {
      kind: 'typeddict',
      name,
      description,
      required: [],
      optional: [],
    };
    // Pushed before its fields are typed, so a model precedes the models hoisted from it.
    this.definitions.push(definition);
    for (const [key, value] of shape.properties) {
      const field = {
        key,
        type: this.typeOf(value, `${name}${toPascalCase(key, '')}`, depth + 1),
      };
      (shape.required.has(key)
        ? definition.required
        : definition.optional
      ).push(field);
    }
  }

  #warn(message: string) {
    this.#warnings++;
    if (this.#warnings <= MAX_WARNINGS) this.#log(`warning: ${message}`);
    else if (this.#warnings === MAX_WARNINGS + 1) {
      this.#log('warning: further schema warnings are not shown');
    }
  }
}

function safeDecode(ref: string): string {
  try {
    return decodeURI(ref);
  } catch {
    return ref;
  }
}
