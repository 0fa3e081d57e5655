/*
 * What the schema tree shows of one schema node, and its children — computed
 * only for nodes that are on screen, following `$ref`s as it goes. A node
 * remembers the references that led to it, so a reference back to an
 * ancestor is shown as circular instead of being expanded without end.
 */
import {
  arrayField,
  booleanField,
  isJsonObject,
  JsonObject,
  JsonValue,
  objectField,
  stringField,
} from './json';
import { refOf, RefResolver } from '@readiness/plugin-api-portal-common';
import { referenceName, resolveValue } from './references';

export interface SchemaSummary {
  /** The schema after following references and unwrapping one-item compositions. */
  schema?: JsonObject;
  /** References followed to reach `schema`, outermost first. */
  refs: string[];
  /** The name of the last reference followed. */
  refName?: string;
  /** The reference an array's items are given by, if any. */
  itemsRef?: string;
  problem?: string;
  typeLabel: string;
  description?: string;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  nullable: boolean;
  /** Constraints and defaults, e.g. `max length 5000`, `default: 10`. */
  facts: string[];
  enumValues?: JsonValue[];
  example?: JsonValue;
  expandable: boolean;
}

export interface SchemaChild {
  name: string;
  kind: 'property' | 'variant' | 'additional' | 'pattern' | 'items' | 'not';
  required: boolean;
  schema: JsonValue;
}

export interface SchemaChildren {
  children: SchemaChild[];
  /** References followed to reach the children (array items). */
  refs: string[];
}

const COMPOSITIONS = ['oneOf', 'anyOf', 'allOf'] as const;
const MAX_MERGE_DEPTH = 16;

function typesOf(schema: JsonObject): string[] {
  const type = schema.type;
  if (typeof type === 'string') {
    return [type];
  }
  if (Array.isArray(type)) {
    return type.filter((t): t is string => typeof t === 'string');
  }
  if (schema.properties !== undefined || schema.additionalProperties) {
    return ['object'];
  }
  if (schema.items !== undefined) {
    return ['array'];
  }
  return [];
}

/** `{ type: 'null' }`: how OpenAPI 3.1 makes a choice nullable. */
function isNullSchema(value: JsonValue): boolean {
  if (!isJsonObject(value) || refOf(value) !== undefined) {
    return false;
  }
  const types = typesOf(value);
  return types.length > 0 && types.every(type => type === 'null');
}

/** The alternatives of a composition, without the `null` ones. */
function choicesOf(schema: JsonObject, key: (typeof COMPOSITIONS)[number]) {
  const all = arrayField(schema, key);
  return key === 'allOf' ? all : all.filter(value => !isNullSchema(value));
}

function variantsOf(schema: JsonObject): JsonValue[] {
  return COMPOSITIONS.flatMap(key => choicesOf(schema, key));
}

function hasNullChoice(schema: JsonObject): boolean {
  return [...arrayField(schema, 'oneOf'), ...arrayField(schema, 'anyOf')].some(
    isNullSchema,
  );
}

function ownChildrenCount(schema: JsonObject): number {
  return (
    Object.keys(objectField(schema, 'properties') ?? {}).length +
    Object.keys(objectField(schema, 'patternProperties') ?? {}).length +
    (isJsonObject(schema.additionalProperties) ? 1 : 0)
  );
}

/** What is wrong with a schema that is not an object, if anything. */
function problemOf(value: JsonValue | undefined): string | undefined {
  if (value === true || value === undefined) {
    return undefined;
  }
  return value === false
    ? 'No value is allowed here'
    : 'The schema is not an object';
}

/**
 * Follows references and unwraps `anyOf: [X]`-style compositions of a single
 * schema (common in generated specs), keeping the outer description.
 */
function unwrap(
  resolver: RefResolver,
  value: JsonValue | undefined,
): {
  schema?: JsonObject;
  refs: string[];
  problem?: string;
  description?: string;
  nullable: boolean;
} {
  const refs: string[] = [];
  let description: string | undefined;
  let nullable = false;
  let current = value;
  for (let depth = 0; depth < MAX_MERGE_DEPTH; depth++) {
    const resolved = resolveValue(resolver, current);
    if (resolved.ref) {
      refs.push(resolved.ref);
    }
    description = description ?? resolved.description;
    if (resolved.problem || !isJsonObject(resolved.value)) {
      return {
        refs,
        problem: resolved.problem ?? problemOf(resolved.value),
        description,
        nullable,
      };
    }
    const schema = resolved.value;
    const variants = variantsOf(schema);
    const single =
      variants.length === 1 &&
      ownChildrenCount(schema) === 0 &&
      typesOf(schema).filter(t => t !== 'null').length === 0 &&
      schema.enum === undefined &&
      refs.indexOf(refOf(variants[0]) ?? '') < 0;
    if (!single) {
      return { schema, refs, description, nullable };
    }
    description = description ?? stringField(schema, 'description');
    nullable =
      nullable || booleanField(schema, 'nullable') || hasNullChoice(schema);
    current = variants[0];
  }
  return {
    refs,
    problem: 'The schema nests too deeply to show',
    description,
    nullable,
  };
}

function shortLabel(resolver: RefResolver, value: JsonValue): string {
  const ref = refOf(value);
  if (ref) {
    return referenceName(ref);
  }
  if (!isJsonObject(value)) {
    return 'any';
  }
  const types = typesOf(value).filter(t => t !== 'null');
  if (types.length === 1 && types[0] === 'array' && value.items !== undefined) {
    return `array of ${shortLabel(resolver, value.items)}`;
  }
  if (types.length > 0) {
    const format = stringField(value, 'format');
    return `${types.join(' | ')}${format ? ` (${format})` : ''}`;
  }
  const variants = variantsOf(value);
  if (variants.length > 0) {
    return variants.map(v => shortLabel(resolver, v)).join(' | ');
  }
  return 'any';
}

function typeLabelOf(resolver: RefResolver, schema: JsonObject): string {
  const types = typesOf(schema).filter(t => t !== 'null');
  const format = stringField(schema, 'format');
  let label = types.join(' | ');
  if (
    types.length === 1 &&
    types[0] === 'array' &&
    schema.items !== undefined
  ) {
    label = `array of ${shortLabel(resolver, schema.items)}`;
  } else if (format) {
    label = `${label} (${format})`.trim();
  }
  const compositions = COMPOSITIONS.filter(
    key => choicesOf(schema, key).length > 0,
  ).map(key => {
    const names = choicesOf(schema, key).map(v => shortLabel(resolver, v));
    const shown =
      names.length > 4
        ? `${names.slice(0, 4).join(' | ')} | …${names.length - 4} more`
        : names.join(' | ');
    return key === 'allOf'
      ? `all of ${shown}`
      : `${key === 'oneOf' ? 'one' : 'any'} of ${shown}`;
  });
  return [label, ...compositions].filter(Boolean).join(', ') || 'any';
}

function display(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function factsOf(schema: JsonObject): string[] {
  const facts: string[] = [];
  const number = (key: string, label: string) => {
    const value = schema[key];
    if (typeof value === 'number') {
      facts.push(`${label} ${value}`);
    }
  };
  number('minLength', 'min length');
  number('maxLength', 'max length');
  if (typeof schema.minimum === 'number') {
    facts.push(
      `${schema.exclusiveMinimum === true ? '>' : '≥'} ${schema.minimum}`,
    );
  }
  if (typeof schema.exclusiveMinimum === 'number') {
    facts.push(`> ${schema.exclusiveMinimum}`);
  }
  if (typeof schema.maximum === 'number') {
    facts.push(
      `${schema.exclusiveMaximum === true ? '<' : '≤'} ${schema.maximum}`,
    );
  }
  if (typeof schema.exclusiveMaximum === 'number') {
    facts.push(`< ${schema.exclusiveMaximum}`);
  }
  number('multipleOf', 'multiple of');
  number('minItems', 'min items');
  number('maxItems', 'max items');
  number('minProperties', 'min properties');
  number('maxProperties', 'max properties');
  if (schema.uniqueItems === true) {
    facts.push('unique items');
  }
  const pattern = stringField(schema, 'pattern');
  if (pattern) {
    facts.push(`pattern ${pattern}`);
  }
  if (schema.const !== undefined) {
    facts.push(`always ${display(schema.const)}`);
  }
  if (schema.default !== undefined) {
    facts.push(`default ${display(schema.default)}`);
  }
  if (schema.additionalProperties === true) {
    facts.push('other properties allowed');
  }
  return facts;
}

function hasChildren(schema: JsonObject): boolean {
  if (ownChildrenCount(schema) > 0 || variantsOf(schema).length > 0) {
    return true;
  }
  if (schema.not !== undefined) {
    return true;
  }
  const items = schema.items;
  if (isJsonObject(items)) {
    // expandable when its items are: an array of strings needs no click
    const ref = refOf(items);
    return ref !== undefined || hasChildren(items);
  }
  return false;
}

/** What one node of the schema tree shows about `value`. */
export function summarizeSchema(
  resolver: RefResolver,
  value: JsonValue | undefined,
): SchemaSummary {
  const unwrapped = unwrap(resolver, value);
  const last = unwrapped.refs[unwrapped.refs.length - 1];
  const base = {
    refs: unwrapped.refs,
    refName: last ? referenceName(last) : undefined,
    problem: unwrapped.problem,
    description: unwrapped.description,
  };
  const schema = unwrapped.schema;
  if (!schema) {
    return {
      ...base,
      typeLabel: base.refName ?? 'any',
      deprecated: false,
      readOnly: false,
      writeOnly: false,
      nullable: unwrapped.nullable,
      facts: [],
      expandable: false,
    };
  }
  const enumValues = arrayField(schema, 'enum');
  return {
    ...base,
    schema,
    description: base.description ?? stringField(schema, 'description'),
    typeLabel: typeLabelOf(resolver, schema),
    deprecated: booleanField(schema, 'deprecated'),
    readOnly: booleanField(schema, 'readOnly'),
    writeOnly: booleanField(schema, 'writeOnly'),
    nullable:
      unwrapped.nullable ||
      booleanField(schema, 'nullable') ||
      typesOf(schema).includes('null') ||
      hasNullChoice(schema),
    facts: factsOf(schema),
    enumValues: enumValues.length > 0 ? enumValues : undefined,
    example: schema.example,
    itemsRef: refOf(schema.items),
    expandable: hasChildren(schema),
  };
}

function requiredOf(schema: JsonObject): Set<string> {
  return new Set(
    arrayField(schema, 'required').filter(
      (name): name is string => typeof name === 'string',
    ),
  );
}

function propertyChildren(schema: JsonObject): SchemaChild[] {
  const required = requiredOf(schema);
  const children: SchemaChild[] = Object.entries(
    objectField(schema, 'properties') ?? {},
  ).map(([name, property]) => ({
    name,
    kind: 'property',
    required: required.has(name),
    schema: property,
  }));
  for (const [pattern, property] of Object.entries(
    objectField(schema, 'patternProperties') ?? {},
  )) {
    children.push({
      name: pattern,
      kind: 'pattern',
      required: false,
      schema: property,
    });
  }
  if (isJsonObject(schema.additionalProperties)) {
    children.push({
      name: '[key]',
      kind: 'additional',
      required: false,
      schema: schema.additionalProperties,
    });
  }
  return children;
}

/**
 * Properties of every `allOf` member, merged (later members win); a property
 * is required if any member requires it.
 */
function mergedAllOf(
  resolver: RefResolver,
  schema: JsonObject,
  seen: Set<string>,
  depth: number,
  required: Set<string> = new Set(),
): SchemaChild[] {
  const byName = new Map<string, SchemaChild>();
  const add = (children: SchemaChild[]) => {
    for (const child of children) {
      byName.set(child.name, child);
    }
  };
  for (const name of requiredOf(schema)) {
    required.add(name);
  }
  add(propertyChildren(schema));
  const extraVariants: SchemaChild[] = [];
  arrayField(schema, 'allOf').forEach((member, index) => {
    const ref = refOf(member);
    if (ref && seen.has(ref)) {
      return;
    }
    const resolved = resolveValue(resolver, member);
    if (!isJsonObject(resolved.value) || depth >= MAX_MERGE_DEPTH) {
      extraVariants.push({
        name: `part ${index + 1}`,
        kind: 'variant',
        required: false,
        schema: member,
      });
      return;
    }
    const next = new Set(seen);
    if (ref) {
      next.add(ref);
    }
    add(mergedAllOf(resolver, resolved.value, next, depth + 1, required));
    extraVariants.push(...variantChildren(resolved.value, ['oneOf', 'anyOf']));
  });
  const merged = [...byName.values()].map(child =>
    child.kind === 'property' && required.has(child.name)
      ? { ...child, required: true }
      : child,
  );
  return [...merged, ...extraVariants];
}

function variantChildren(
  schema: JsonObject,
  keys: readonly ('oneOf' | 'anyOf' | 'allOf')[],
): SchemaChild[] {
  return keys.flatMap(key =>
    choicesOf(schema, key).map((variant, index) => {
      const ref = refOf(variant);
      const title = isJsonObject(variant)
        ? stringField(variant, 'title')
        : undefined;
      const variantName = ref ? referenceName(ref) : title;
      return {
        name: `${key === 'oneOf' ? 'one of' : 'any of'} ${index + 1}${
          variantName ? `: ${variantName}` : ''
        }`,
        kind: 'variant' as const,
        required: false,
        schema: variant,
      };
    }),
  );
}

/** The children of a node: properties, variants, or its array's items. */
export function schemaChildren(
  resolver: RefResolver,
  summary: SchemaSummary,
): SchemaChildren {
  const schema = summary.schema;
  if (!schema) {
    return { children: [], refs: [] };
  }
  const types = typesOf(schema);
  if (types.includes('array') && isJsonObject(schema.items)) {
    const items = summarizeSchema(resolver, schema.items);
    if (items.expandable && items.schema && ownChildrenCount(schema) === 0) {
      // an array of objects shows the objects' properties directly
      const inner = schemaChildren(resolver, items);
      return {
        children: [...inner.children, ...variantChildren(schema, COMPOSITIONS)],
        refs: [...items.refs, ...inner.refs],
      };
    }
  }
  const children =
    arrayField(schema, 'allOf').length > 0
      ? mergedAllOf(resolver, schema, new Set(summary.refs), 0)
      : propertyChildren(schema);
  children.push(...variantChildren(schema, ['oneOf', 'anyOf']));
  if (schema.not !== undefined) {
    children.push({
      name: 'not',
      kind: 'not',
      required: false,
      schema: schema.not,
    });
  }
  return { children, refs: [] };
}
