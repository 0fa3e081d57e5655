/*
 * `$ref`s are followed by the portal's one reader (api-portal-common), only
 * when something asks for the value behind them: the document is never
 * dereferenced as a whole, so a large or cyclic document costs nothing until
 * a part of it is shown. This module says what the reference shows of what
 * the reader found.
 */
import {
  decodeRefToken,
  refOf,
  refOverride,
  RefResolver,
  UnresolvedRefReason,
} from '@readiness/plugin-api-portal-common';
import { isJsonObject, JsonObject, JsonValue } from './json';

/** A value with the `$ref` chain that led to it followed. */
export interface ResolvedValue {
  value: JsonValue | undefined;
  /** The last `$ref` followed, or the one that could not be. */
  ref?: string;
  /** Why the value could not be found. */
  problem?: string;
  /** A `description` written beside the `$ref` (OpenAPI 3.1). */
  description?: string;
}

/**
 * The longest chain of `$ref`s followed to show one value: the reference
 * has always given up at the 32nd `$ref` of a chain, saying "more than 32".
 */
export const MAX_REF_HOPS = 31;

/** The last segment of a reference, as a human-readable name. */
export function referenceName(ref: string): string {
  const hash = ref.indexOf('#');
  const pointer = hash >= 0 ? ref.slice(hash + 1) : ref;
  const segments = pointer.split('/').filter(s => s.length > 0);
  return segments.length > 0
    ? decodeRefToken(segments[segments.length - 1])
    : ref;
}

/** Why the `$ref` written last on the way could not be followed. */
function problemOf(
  resolver: RefResolver,
  reason: UnresolvedRefReason,
  ref: string,
): string {
  switch (reason) {
    case 'cycle':
      return `The reference ${ref} refers to itself`;
    case 'external':
      return `The reference ${ref} points into another document, which is not loaded here`;
    case 'missing':
      return `The reference ${ref} points at nothing in this document`;
    default:
      return resolver.exhausted
        ? `The reference ${ref} is not followed: this definition has more references than the reference follows`
        : `More than 32 references in a row from ${ref}`;
  }
}

/** Follows `$ref`s from `value` until a value that is not a reference. */
export function resolveValue(
  resolver: RefResolver,
  value: JsonValue | undefined,
): ResolvedValue {
  const resolution = resolver.resolve({ value, pointer: '' });
  const last = resolution.via[resolution.via.length - 1];
  const ref = last && refOf(last.value);
  if (!resolution.ok) {
    return {
      value: undefined,
      ref,
      problem: problemOf(
        resolver,
        resolution.unresolved.reason,
        ref ?? resolution.unresolved.ref,
      ),
    };
  }
  return {
    value: resolution.node.value as JsonValue | undefined,
    ref,
    description: refOverride(resolution.via, 'description'),
  };
}

/** Like `resolveValue`, for values expected to be objects. */
export function resolveObject(
  resolver: RefResolver,
  value: JsonValue | undefined,
): JsonObject | undefined {
  const resolved = resolveValue(resolver, value).value;
  return isJsonObject(resolved) ? resolved : undefined;
}
