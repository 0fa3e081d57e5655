/*
 * Local `$ref` resolution. Only references into the same document
 * (`#/components/schemas/X`, `#/definitions/X`) are followed, lazily and with
 * a cycle check on `$ref` chains; anything else (relative files, http URLs)
 * is reported as unresolved and never fetched.
 */
import { isObject, Located, childPointer } from './pointer';

/** Why a `$ref` could not be followed. @public */
export type UnresolvedRefReason = 'external' | 'missing' | 'cycle';

/** A `$ref` that could not be followed. @public */
export type UnresolvedRef = {
  /** The `$ref` value as written. */
  ref: string;
  /** Where the `$ref` is written (the object holding it). */
  pointer: string;
  reason: UnresolvedRefReason;
};

/** The outcome of following a node's `$ref`s. */
export type Resolution =
  | { ok: true; node: Located; viaRef: boolean }
  | { ok: false; unresolved: UnresolvedRef };

/** The `$ref` of a node, when it is a reference object. */
export function refOf(value: unknown): string | undefined {
  if (isObject(value) && typeof value.$ref === 'string') {
    return value.$ref;
  }
  return undefined;
}

function decodeToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A malformed percent-escape: take the token as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows local `$ref`s inside one document. @public */
export class RefResolver {
  private readonly targets = new Map<string, Located | UnresolvedRefReason>();

  constructor(private readonly root: unknown) {}

  /**
   * Follows `node` through any chain of `$ref`s to the value they name. A
   * missing or external target is reported where its `$ref` is written.
   */
  resolve(node: Located): Resolution {
    let current = node;
    let viaRef = false;
    const seen = new Set<string>();
    for (;;) {
      const ref = refOf(current.value);
      if (ref === undefined) {
        return { ok: true, node: current, viaRef };
      }
      if (seen.has(ref)) {
        // A cycle is reported where the caller started following it.
        return {
          ok: false,
          unresolved: {
            ref: refOf(node.value) ?? ref,
            pointer: node.pointer,
            reason: 'cycle',
          },
        };
      }
      seen.add(ref);
      const target = this.target(ref);
      if (typeof target === 'string') {
        return {
          ok: false,
          unresolved: { ref, pointer: current.pointer, reason: target },
        };
      }
      current = target;
      viaRef = true;
    }
  }

  private target(ref: string): Located | UnresolvedRefReason {
    let cached = this.targets.get(ref);
    if (cached === undefined) {
      cached = this.lookUp(ref);
      this.targets.set(ref, cached);
    }
    return cached;
  }

  private lookUp(ref: string): Located | UnresolvedRefReason {
    if (!ref.startsWith('#')) {
      return 'external';
    }
    const fragment = ref.slice(1);
    if (fragment !== '' && !fragment.startsWith('/')) {
      // A plain-name fragment (`#foo`) is an anchor; anchors are not indexed.
      return 'missing';
    }
    let value: unknown = this.root;
    let pointer = '';
    const tokens = fragment === '' ? [] : fragment.slice(1).split('/');
    for (const raw of tokens) {
      const token = decodeToken(raw);
      if (Array.isArray(value)) {
        const index = Number(token);
        if (!/^\d+$/.test(token) || index >= value.length) {
          return 'missing';
        }
        value = value[index];
      } else if (isObject(value) && Object.hasOwn(value, token)) {
        value = value[token];
      } else {
        return 'missing';
      }
      pointer = childPointer(pointer, token);
    }
    return { value, pointer };
  }
}
