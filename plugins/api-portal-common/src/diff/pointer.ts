/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one JSON pointer (RFC 6901) reference token. */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends reference tokens to a JSON pointer. */
export function childPointer(
  parent: string,
  ...tokens: Array<string | number>
): string {
  return parent + tokens.map(t => `/${escapeToken(t)}`).join('');
}

/** The unescaped reference tokens of a JSON pointer. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The last reference token of a pointer, e.g. the schema name. */
export function lastToken(pointer: string): string {
  const tokens = pointerTokens(pointer);
  return tokens[tokens.length - 1] ?? '';
}

/** A value and where it sits in its document (a JSON pointer). @public */
export type Located<T = unknown> = {
  value: T;
  pointer: string;
};
