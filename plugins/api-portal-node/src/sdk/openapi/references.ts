/*
 * Generators are given self-contained documents: the api-portal backend
 * resolves a definition's references under its one reference policy before
 * any generator sees it. These checks let every consumer (each generator,
 * the Postman conversion, the backend before and after bundling) verify
 * that, so a generator's own parser never has a file or URL to follow.
 */
import { InputError } from '@backstage/errors';

/**
 * A `$ref` that points outside its document, and where it is.
 *
 * @public
 */
export interface ExternalReference {
  /** The reference as written, e.g. `schemas.yaml#/Money`. */
  ref: string;
  /** JSON pointer of the object that holds the `$ref`, e.g. `#/components/schemas/Money`. */
  pointer: string;
}

/**
 * Whether a `$ref` points inside its own document (`#` or `#/...`).
 *
 * @public
 */
export function isInternalReference(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
}

function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Every string `$ref` of a document that is not an internal pointer, in
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
  const stack: Array<{ value: unknown; pointer: string }> = [
    { value: document, pointer: '#' },
  ];
  while (stack.length > 0 && found.length < limit) {
    const { value, pointer } = stack.pop()!;
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      continue;
    }
    seen.add(value);
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    const ref = (value as Record<string, unknown>).$ref;
    if (
      !Array.isArray(value) &&
      typeof ref === 'string' &&
      !isInternalReference(ref)
    ) {
      found.push({ ref, pointer });
    }
    // Pushed in reverse, so the walk visits keys in document order
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof child === 'object' && child !== null) {
        stack.push({
          value: child,
          pointer: `${pointer}/${escapePointerToken(key)}`,
        });
      }
    }
  }
  return found;
}

/** How many external references an error names before it says "and N more". */
const NAMED_REFERENCES = 5;

/**
 * Throws an `InputError` naming the external `$ref`s of a document (each
 * with its JSON pointer) unless it has internal references only.
 *
 * @public
 */
export function assertSelfContained(document: unknown): void {
  const external = findExternalReferences(document, NAMED_REFERENCES + 1);
  if (external.length === 0) return;
  const named = external
    .slice(0, NAMED_REFERENCES)
    .map(({ ref, pointer }) => `$ref '${ref}' at ${pointer}`)
    .join(', ');
  const more = external.length > NAMED_REFERENCES ? ' and more' : '';
  const verb = external.length === 1 ? 'points' : 'point';
  throw new InputError(
    `The API description is not self-contained: ${named}${more} ${verb} outside it. SDKs and Postman collections are built from a definition whose references the API portal resolved first`,
  );
}
