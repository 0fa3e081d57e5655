/*
 * A flattened reading of one JSON schema node, the shape the schema rules
 * compare: its type set (3.0 `nullable`, Swagger `x-nullable` and 3.1
 * `type: [..., "null"]` all become a `null` member), its properties with
 * `allOf` members merged in, its enum, its numeric bounds and the keywords
 * that restrict values. Works for OpenAPI 3.x schemas and for Swagger 2.0
 * non-body parameters, whose type keywords sit on the parameter itself.
 */
import {
  childPointer,
  isJsonObject as isObject,
  Located,
  RefResolver,
  refOf,
  UnresolvedRef,
} from '../reader';

/** A property of an object schema. @public */
export type SchemaProperty = {
  name: string;
  /** The property's schema as written (it may be a `$ref`). */
  node: Located;
  readOnly: boolean;
  writeOnly: boolean;
};

/** An upper or lower numeric bound. @public */
export type SchemaBound = {
  value: number;
  exclusive: boolean;
  pointer: string;
};

/** Allowed values: `enum`, or `const` as a one-value enum. @public */
export type SchemaEnum = {
  values: unknown[];
  pointer: string;
  fromConst: boolean;
};

/** A `oneOf`/`anyOf` member. @public */
export type SchemaAlternative = {
  kind: 'oneOf' | 'anyOf';
  node: Located;
};

/** The flattened reading of a schema node. @public */
export type SchemaView = {
  pointer: string;
  /** JSON types the schema admits; undefined when it does not say. */
  types?: ReadonlySet<string>;
  typesPointer?: string;
  enum?: SchemaEnum;
  properties: Map<string, SchemaProperty>;
  required: Set<string>;
  /** `additionalProperties: false` or `unevaluatedProperties: false`. */
  closed: boolean;
  items?: Located;
  additionalProperties?: Located;
  alternatives: SchemaAlternative[];
  /** Value-restricting keywords other than bounds: pattern, format, maxLength, … */
  keywords: Map<string, Located>;
  upper?: SchemaBound;
  lower?: SchemaBound;
  readOnly: boolean;
  writeOnly: boolean;
  /** `$ref`s met while merging `allOf` that could not be followed. */
  unresolved: UnresolvedRef[];
};

/** Keywords whose change can narrow what a schema accepts. */
export const RESTRICTING_KEYWORDS = [
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'pattern',
  'format',
  'multipleOf',
  'uniqueItems',
] as const;

const MAX_ALLOF_DEPTH = 16;

function emptyView(pointer: string): SchemaView {
  return {
    pointer,
    properties: new Map(),
    required: new Set(),
    closed: false,
    alternatives: [],
    keywords: new Map(),
    readOnly: false,
    writeOnly: false,
    unresolved: [],
  };
}

function typeSet(node: Record<string, unknown>): Set<string> | undefined {
  const { type } = node;
  let types: Set<string> | undefined;
  if (typeof type === 'string') {
    types = new Set([type]);
  } else if (Array.isArray(type)) {
    types = new Set(type.filter((t): t is string => typeof t === 'string'));
  }
  if (types && (node.nullable === true || node['x-nullable'] === true)) {
    types.add('null');
  }
  return types;
}

function bound(
  node: Record<string, unknown>,
  pointer: string,
  inclusiveKey: 'maximum' | 'minimum',
  exclusiveKey: 'exclusiveMaximum' | 'exclusiveMinimum',
): SchemaBound | undefined {
  const inclusive = node[inclusiveKey];
  const exclusive = node[exclusiveKey];
  const candidates: SchemaBound[] = [];
  if (typeof inclusive === 'number') {
    candidates.push({
      value: inclusive,
      // OpenAPI 3.0 / Swagger: a boolean exclusiveX modifies the bound.
      exclusive: exclusive === true,
      pointer: childPointer(pointer, inclusiveKey),
    });
  }
  if (typeof exclusive === 'number') {
    candidates.push({
      value: exclusive,
      exclusive: true,
      pointer: childPointer(pointer, exclusiveKey),
    });
  }
  const upper = inclusiveKey === 'maximum';
  // The tighter bound wins when both are given.
  return candidates.sort((a, b) =>
    a.value === b.value
      ? Number(b.exclusive) - Number(a.exclusive)
      : (a.value - b.value) * (upper ? 1 : -1),
  )[0];
}

function intersectTypes(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  if (!a || !b) {
    return a ?? b;
  }
  const both = new Set<string>();
  for (const t of a) {
    if (b.has(t)) {
      both.add(t);
    } else if (t === 'integer' && b.has('number')) {
      both.add('integer');
    } else if (t === 'number' && b.has('integer')) {
      both.add('integer');
    }
  }
  return both;
}

function flagOf(
  resolver: RefResolver,
  node: Located,
  flag: 'readOnly' | 'writeOnly',
): boolean {
  if (isObject(node.value) && node.value[flag] === true) {
    return true;
  }
  if (refOf(node.value) === undefined) {
    return false;
  }
  const resolution = resolver.resolve(node);
  return (
    resolution.ok &&
    isObject(resolution.node.value) &&
    resolution.node.value[flag] === true
  );
}

function ownView(
  node: Record<string, unknown>,
  pointer: string,
  resolver: RefResolver,
): SchemaView {
  const view = emptyView(pointer);
  view.types = typeSet(node);
  if (view.types) {
    view.typesPointer = childPointer(pointer, 'type');
  }
  if (Array.isArray(node.enum)) {
    view.enum = {
      values: node.enum,
      pointer: childPointer(pointer, 'enum'),
      fromConst: false,
    };
  } else if (Object.hasOwn(node, 'const')) {
    view.enum = {
      values: [node.const],
      pointer: childPointer(pointer, 'const'),
      fromConst: true,
    };
  }
  if (isObject(node.properties)) {
    for (const [name, value] of Object.entries(node.properties)) {
      const property = {
        value,
        pointer: childPointer(pointer, 'properties', name),
      };
      view.properties.set(name, {
        name,
        node: property,
        readOnly: flagOf(resolver, property, 'readOnly'),
        writeOnly: flagOf(resolver, property, 'writeOnly'),
      });
    }
  }
  if (Array.isArray(node.required)) {
    for (const name of node.required) {
      if (typeof name === 'string') {
        view.required.add(name);
      }
    }
  }
  view.closed =
    node.additionalProperties === false || node.unevaluatedProperties === false;
  if (node.items !== undefined && !Array.isArray(node.items)) {
    view.items = { value: node.items, pointer: childPointer(pointer, 'items') };
  }
  if (isObject(node.additionalProperties)) {
    view.additionalProperties = {
      value: node.additionalProperties,
      pointer: childPointer(pointer, 'additionalProperties'),
    };
  }
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const members = node[kind];
    if (Array.isArray(members)) {
      members.forEach((value, i) =>
        view.alternatives.push({
          kind,
          node: { value, pointer: childPointer(pointer, kind, i) },
        }),
      );
    }
  }
  for (const keyword of RESTRICTING_KEYWORDS) {
    if (node[keyword] !== undefined) {
      view.keywords.set(keyword, {
        value: node[keyword],
        pointer: childPointer(pointer, keyword),
      });
    }
  }
  view.upper = bound(node, pointer, 'maximum', 'exclusiveMaximum');
  view.lower = bound(node, pointer, 'minimum', 'exclusiveMinimum');
  view.readOnly = node.readOnly === true;
  view.writeOnly = node.writeOnly === true;
  return view;
}

/** Folds an `allOf` member into the view of the schema that lists it. */
function merge(view: SchemaView, member: SchemaView): void {
  view.types = intersectTypes(view.types, member.types);
  view.typesPointer ??= member.typesPointer;
  view.enum ??= member.enum;
  for (const [name, property] of member.properties) {
    if (!view.properties.has(name)) {
      view.properties.set(name, property);
    }
  }
  member.required.forEach(name => view.required.add(name));
  view.items ??= member.items;
  view.additionalProperties ??= member.additionalProperties;
  view.alternatives.push(...member.alternatives);
  for (const [keyword, value] of member.keywords) {
    if (!view.keywords.has(keyword)) {
      view.keywords.set(keyword, value);
    }
  }
  view.upper ??= member.upper;
  view.lower ??= member.lower;
  view.readOnly ||= member.readOnly;
  view.writeOnly ||= member.writeOnly;
  view.unresolved.push(...member.unresolved);
}

function build(
  node: Located,
  resolver: RefResolver,
  visiting: Set<string>,
): SchemaView {
  if (!isObject(node.value)) {
    return emptyView(node.pointer);
  }
  const view = ownView(node.value, node.pointer, resolver);
  const { allOf } = node.value;
  if (!Array.isArray(allOf) || visiting.size >= MAX_ALLOF_DEPTH) {
    return view;
  }
  visiting.add(node.pointer);
  allOf.forEach((value, i) => {
    const resolution = resolver.resolve({
      value,
      pointer: childPointer(node.pointer, 'allOf', i),
    });
    if (!resolution.ok) {
      view.unresolved.push(resolution.unresolved);
    } else if (!visiting.has(resolution.node.pointer)) {
      merge(view, build(resolution.node, resolver, visiting));
    }
  });
  visiting.delete(node.pointer);
  return view;
}

/**
 * Reads a schema node (already resolved: not itself a `$ref`) into a
 * {@link SchemaView}, merging its `allOf` members.
 */
export function viewSchema(node: Located, resolver: RefResolver): SchemaView {
  return build(node, resolver, new Set());
}

/** Whether a type set admits values of type `type` (`number` admits integers). */
export function admits(types: ReadonlySet<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** A type set for messages: `string | null`. */
export function formatTypes(types: ReadonlySet<string> | undefined): string {
  return types && types.size > 0 ? [...types].join(' | ') : 'any';
}

/** A stable key for comparing enum values. */
export function enumKey(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Where one enum value sits. */
export function enumValuePointer(e: SchemaEnum, index: number): string {
  return e.fromConst ? e.pointer : childPointer(e.pointer, index);
}

/** `oneOf`/`anyOf` members paired across versions. */
export type AlternativePairing = {
  matched: Array<[SchemaAlternative, SchemaAlternative]>;
  removed: SchemaAlternative[];
  added: SchemaAlternative[];
};

/**
 * Pairs alternatives: first those with the same `$ref`, then the rest by
 * position when both sides have the same number left (unless both are
 * different `$ref`s); others are removed or added.
 */
export function pairAlternatives(
  before: SchemaView,
  after: SchemaView,
): AlternativePairing {
  const matched: Array<[SchemaAlternative, SchemaAlternative]> = [];
  const restAfter = [...after.alternatives];
  const restBefore: SchemaAlternative[] = [];
  for (const b of before.alternatives) {
    const ref = refOf(b.node.value);
    const index =
      ref === undefined
        ? -1
        : restAfter.findIndex(a => refOf(a.node.value) === ref);
    if (index >= 0) {
      matched.push([b, restAfter[index]]);
      restAfter.splice(index, 1);
    } else {
      restBefore.push(b);
    }
  }
  if (restBefore.length !== restAfter.length) {
    return { matched, removed: restBefore, added: restAfter };
  }
  const removed: SchemaAlternative[] = [];
  const added: SchemaAlternative[] = [];
  restBefore.forEach((b, i) => {
    const a = restAfter[i];
    // Two different named schemas are a replacement, not an edit.
    if (
      refOf(b.node.value) !== undefined &&
      refOf(a.node.value) !== undefined
    ) {
      removed.push(b);
      added.push(a);
    } else {
      matched.push([b, a]);
    }
  });
  return { matched, removed, added };
}
