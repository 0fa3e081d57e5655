/*
 * `$ref`s are followed only when something asks for the value behind them —
 * the document is never dereferenced as a whole, so a large or cyclic
 * document costs nothing until a part of it is shown.
 */
import { isJsonObject, JsonObject, JsonValue } from './json';

/** A value with the `$ref` chain that led to it followed. */
export interface ResolvedValue {
  value: JsonValue | undefined;
  /** The last `$ref` followed, if any. */
  ref?: string;
  /** Why the value could not be found. */
  problem?: string;
  /** A `description` written beside the `$ref` (OpenAPI 3.1). */
  description?: string;
}

const MAX_HOPS = 32;

function decodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a literal '%' in a key: keep the segment as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The last segment of a reference, as a human-readable name. */
export function referenceName(ref: string): string {
  const hash = ref.indexOf('#');
  const pointer = hash >= 0 ? ref.slice(hash + 1) : ref;
  const segments = pointer.split('/').filter(s => s.length > 0);
  return segments.length > 0
    ? decodeSegment(segments[segments.length - 1])
    : ref;
}

export function referenceOf(value: JsonValue | undefined): string | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const ref = value.$ref;
  return typeof ref === 'string' ? ref : undefined;
}

export class ReferenceResolver {
  private readonly root: JsonObject;
  private readonly targets = new Map<string, JsonValue | undefined>();

  constructor(root: JsonObject) {
    this.root = root;
  }

  /** The value a local JSON pointer reference (`#/a/b`) points at. */
  lookup(ref: string): JsonValue | undefined {
    if (this.targets.has(ref)) {
      return this.targets.get(ref);
    }
    let target: JsonValue | undefined = undefined;
    if (ref.startsWith('#')) {
      target = this.root;
      const segments = ref.slice(1).split('/').slice(1);
      for (const segment of segments) {
        const key = decodeSegment(segment);
        if (Array.isArray(target)) {
          const index = Number(key);
          target = Number.isInteger(index) ? target[index] : undefined;
        } else if (
          isJsonObject(target) &&
          Object.prototype.hasOwnProperty.call(target, key)
        ) {
          target = target[key];
        } else {
          target = undefined;
        }
        if (target === undefined) {
          break;
        }
      }
    }
    this.targets.set(ref, target);
    return target;
  }

  /** Follows `$ref`s from `value` until a value that is not a reference. */
  resolve(value: JsonValue | undefined): ResolvedValue {
    let current = value;
    let ref: string | undefined;
    let description: string | undefined;
    const seen = new Set<string>();
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next = referenceOf(current);
      if (next === undefined) {
        return { value: current, ref, description };
      }
      if (
        description === undefined &&
        isJsonObject(current) &&
        typeof current.description === 'string'
      ) {
        description = current.description;
      }
      if (seen.has(next)) {
        return {
          value: undefined,
          ref: next,
          problem: `The reference ${next} refers to itself`,
        };
      }
      seen.add(next);
      ref = next;
      if (!next.startsWith('#')) {
        return {
          value: undefined,
          ref,
          problem: `The reference ${next} points into another document, which is not loaded here`,
        };
      }
      current = this.lookup(next);
      if (current === undefined) {
        return {
          value: undefined,
          ref,
          problem: `The reference ${next} points at nothing in this document`,
        };
      }
    }
    return {
      value: undefined,
      ref,
      problem: `More than ${MAX_HOPS} references in a row from ${ref}`,
    };
  }

  /** Like `resolve`, for values expected to be objects. */
  resolveObject(value: JsonValue | undefined): JsonObject | undefined {
    const resolved = this.resolve(value).value;
    return isJsonObject(resolved) ? resolved : undefined;
  }
}
