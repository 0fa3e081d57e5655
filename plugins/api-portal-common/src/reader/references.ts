/*
 * `$ref`s, under the one reference policy of the API portal: a reader only
 * follows JSON pointers into the same document (`#`, `#/…`), lazily, each
 * chain with a cycle check and a hop limit, each document within a total
 * number of lookups. It never reads a file or a URL: the backend bundles
 * other documents into a definition before anything reads it, and a
 * `$ref` into another document is only ever reported as external.
 */
import { InputError } from '@backstage/errors';
import {
  childPointer,
  isJsonObject,
  JsonObject,
  Located,
  unescapeToken,
} from './pointer';

/** Why a `$ref` could not be followed. @public */
export type UnresolvedRefReason = 'external' | 'missing' | 'cycle' | 'budget';

/** A `$ref` that could not be followed. @public */
export type UnresolvedRef = {
  /** The `$ref` value as written. */
  ref: string;
  /** Where the `$ref` is written (the object holding it). */
  pointer: string;
  reason: UnresolvedRefReason;
};

/**
 * The outcome of following a node's `$ref`s: the value they lead to and
 * where it sits, or the `$ref` that could not be followed. `via` holds the
 * reference objects met on the way, outermost first, each where it is
 * written; when the resolution failed, the last one holds the `$ref` that
 * could not be followed.
 *
 * @public
 */
export type Resolution =
  | {
      ok: true;
      node: Located;
      viaRef: boolean;
      via: ReadonlyArray<Located<JsonObject>>;
    }
  | {
      ok: false;
      unresolved: UnresolvedRef;
      via: ReadonlyArray<Located<JsonObject>>;
    };

/**
 * How much following `$ref`s may cost.
 *
 * @public
 */
export type ReferenceLimits = {
  /** The longest chain of `$ref`s one resolution follows (default 32). */
  maxHops?: number;
  /**
   * How many `$ref`s one document's resolver follows in all (default
   * 1,000,000); past it every resolution fails with reason `budget`.
   */
  maxResolutions?: number;
};

/** Default of {@link ReferenceLimits.maxHops}. @public */
export const DEFAULT_MAX_REF_HOPS = 32;

/** Default of {@link ReferenceLimits.maxResolutions}. @public */
export const DEFAULT_MAX_REF_RESOLUTIONS = 1_000_000;

/** The `$ref` of a node, when it is a reference object. @public */
export function refOf(value: unknown): string | undefined {
  if (isJsonObject(value) && typeof value.$ref === 'string') {
    return value.$ref;
  }
  return undefined;
}

/** Whether a `$ref` is a JSON pointer into its own document (`#` or `#/…`). @public */
export function isLocalRef(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
}

/**
 * A `summary` or `description` written beside a `$ref` on the way to a value
 * ({@link Resolution}'s `via`): OpenAPI 3.1 lets it replace the target's,
 * and along a chain the outermost one wins.
 *
 * @public
 */
export function refOverride(
  via: ReadonlyArray<Located<JsonObject>>,
  key: 'summary' | 'description',
): string | undefined {
  for (const { value } of via) {
    const text = value[key];
    if (typeof text === 'string') {
      return text;
    }
  }
  return undefined;
}

/**
 * A reference token of a `$ref` fragment: percent-decoded (a malformed
 * escape is kept as written), then unescaped.
 *
 * @public
 */
export function decodeRefToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A malformed percent-escape: take the token as written.
  }
  return unescapeToken(decoded);
}

const NO_REFERENCES: ReadonlyArray<Located<JsonObject>> = Object.freeze([]);

/**
 * Follows local `$ref`s inside one document, within its limits. Targets are
 * looked up once and kept.
 *
 * @public
 */
export class RefResolver {
  private readonly targets = new Map<string, Located | UnresolvedRefReason>();
  private readonly maxHops: number;
  private readonly maxResolutions: number;
  private resolutions = 0;

  constructor(private readonly root: unknown, limits: ReferenceLimits = {}) {
    this.maxHops = limits.maxHops ?? DEFAULT_MAX_REF_HOPS;
    this.maxResolutions = limits.maxResolutions ?? DEFAULT_MAX_REF_RESOLUTIONS;
  }

  /**
   * Follows `node` through any chain of `$ref`s to the value they name. A
   * missing, external or over-budget target is reported where its `$ref` is
   * written; a cycle where the caller started following it.
   */
  resolve(node: Located): Resolution {
    if (refOf(node.value) === undefined) {
      return { ok: true, node, viaRef: false, via: NO_REFERENCES };
    }
    let current = node;
    const via: Located<JsonObject>[] = [];
    const seen = new Set<string>();
    for (;;) {
      const ref = refOf(current.value);
      if (ref === undefined) {
        return { ok: true, node: current, viaRef: via.length > 0, via };
      }
      via.push(current as Located<JsonObject>);
      if (seen.has(ref)) {
        return {
          ok: false,
          unresolved: {
            ref: refOf(node.value) ?? ref,
            pointer: node.pointer,
            reason: 'cycle',
          },
          via,
        };
      }
      if (seen.size >= this.maxHops) {
        return {
          ok: false,
          unresolved: { ref, pointer: current.pointer, reason: 'budget' },
          via,
        };
      }
      seen.add(ref);
      const target = this.lookUp(ref);
      if (typeof target === 'string') {
        return {
          ok: false,
          unresolved: { ref, pointer: current.pointer, reason: target },
          via,
        };
      }
      current = target;
    }
  }

  /**
   * Whether the document's budget is used up: from now on every `$ref`
   * fails with reason `budget`, however short its chain.
   */
  get exhausted(): boolean {
    return this.resolutions >= this.maxResolutions;
  }

  /**
   * The value one `$ref` names, not followed any further (it may be a `$ref`
   * itself), or why there is none. Counts against the document's budget.
   */
  lookUp(ref: string): Located | UnresolvedRefReason {
    if (this.resolutions >= this.maxResolutions) {
      return 'budget';
    }
    this.resolutions++;
    let target = this.targets.get(ref);
    if (target === undefined) {
      target = this.walk(ref);
      this.targets.set(ref, target);
    }
    return target;
  }

  private walk(ref: string): Located | UnresolvedRefReason {
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
      const token = decodeRefToken(raw);
      if (Array.isArray(value)) {
        const index = Number(token);
        if (!/^\d+$/.test(token) || index >= value.length) {
          return 'missing';
        }
        value = value[index];
      } else if (isJsonObject(value) && Object.hasOwn(value, token)) {
        value = value[token];
      } else {
        return 'missing';
      }
      pointer = childPointer(pointer, token);
    }
    return { value, pointer };
  }
}

/**
 * A `$ref` that is not a JSON pointer into its document, and where it is.
 *
 * @public
 */
export type ExternalReference = {
  /** The reference as written, e.g. `schemas.yaml#/Money`. */
  ref: string;
  /** JSON pointer of the object that holds the `$ref`, as a fragment: `#/components/schemas/Money`. */
  pointer: string;
};

/**
 * Every string `$ref` of a document that is not a JSON pointer into it
 * (other documents, and `#name` anchors, which no reader follows), in
 * document order, up to `limit` of them. Walks without recursion, so any
 * nesting depth is fine, and visits a shared object once.
 *
 * @public
 */
export function findExternalReferences(
  document: unknown,
  limit: number = Number.POSITIVE_INFINITY,
): ExternalReference[] {
  const found: ExternalReference[] = [];
  const seen = new Set<object>();
  const stack: Located[] = [{ value: document, pointer: '#' }];
  while (stack.length > 0 && found.length < limit) {
    const { value, pointer } = stack.pop()!;
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      continue;
    }
    seen.add(value);
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    const ref = refOf(value);
    if (ref !== undefined && !isLocalRef(ref)) {
      found.push({ ref, pointer });
    }
    // Pushed in reverse, so the walk visits keys in document order
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, pointer: childPointer(pointer, key) });
      }
    }
  }
  return found;
}

/** How many external references a refusal names before it says "and more". */
const NAMED_REFERENCES = 5;

/**
 * Refuses a document that is not self-contained: throws an `InputError`
 * naming its external `$ref`s, each with its JSON pointer, followed by
 * `why` when given.
 *
 * @public
 */
export function refuseExternalReferences(document: unknown, why?: string) {
  const external = findExternalReferences(document, NAMED_REFERENCES + 1);
  if (external.length === 0) return;
  const named = external
    .slice(0, NAMED_REFERENCES)
    .map(({ ref, pointer }) => `$ref '${ref}' at ${pointer}`)
    .join(', ');
  const more = external.length > NAMED_REFERENCES ? ' and more' : '';
  const verb = external.length === 1 ? 'points' : 'point';
  throw new InputError(
    `The API description is not self-contained: ${named}${more} ${verb} outside it.${
      why ? ` ${why}` : ''
    }`,
  );
}
