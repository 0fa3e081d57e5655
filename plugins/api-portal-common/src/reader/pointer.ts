/*
 * JSON pointers (RFC 6901): the one implementation every reader of API
 * descriptions builds and reads them with. Reference tokens are escaped
 * `~` → `~0`, `/` → `~1`, and unescaped in the opposite order.
 */

/** A JSON object of a parsed document (not null, not an array). @public */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). @public */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value and where it sits in its document (a JSON pointer). @public */
export type Located<T = unknown> = {
  value: T;
  pointer: string;
};

/** Escapes one reference token: `a/b~c` → `a~1b~0c`. @public */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one reference token: `a~1b~0c` → `a/b~c`. @public */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer of a list of unescaped reference tokens; `[]` is the root, `''`. @public */
export function buildPointer(tokens: ReadonlyArray<string | number>): string {
  return tokens.map(t => `/${escapeToken(t)}`).join('');
}

/** Appends reference tokens to a pointer (or to a `#` fragment). @public */
export function childPointer(
  parent: string,
  ...tokens: Array<string | number>
): string {
  return parent + buildPointer(tokens);
}

/**
 * The unescaped reference tokens of a pointer; `''` has none. The first
 * character is taken to be the leading `/`.
 *
 * @public
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** The last reference token of a pointer, e.g. a schema's name. @public */
export function lastToken(pointer: string): string {
  const tokens = parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}
