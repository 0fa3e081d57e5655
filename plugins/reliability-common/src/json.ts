/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON pointer (RFC 6901) from path segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments
    .map(s => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}
