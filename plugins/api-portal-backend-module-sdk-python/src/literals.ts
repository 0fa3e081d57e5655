/**
 * Python and TOML source literals. Text from API descriptions is untrusted:
 * whatever it holds, the generated files must compile.
 */

const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Control characters except tab and newline, and the Unicode line breaks.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/g;

/** Text made safe for comments, docstrings and TOML: no controls or broken surrogates. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(UNSAFE_TEXT, ' ');
}

/** A Python string literal. */
export function pyString(text: string): string {
  // JSON escapes are valid Python escapes; also escape the Unicode line breaks.
  return JSON.stringify(text).replace(
    /[\u0085\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A Python expression for a JSON value, indented by `indent` spaces. */
export function pyLiteral(value: unknown, indent = 0, depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : 'None';
  }
  if (typeof value === 'string') return pyString(value);
  if (depth > 20) return 'None';
  const pad = ' '.repeat(indent + 4);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map(
      v => `${pad}${pyLiteral(v, indent + 4, depth + 1)},`,
    );
    return `[\n${items.join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const items = entries.map(
      ([k, v]) =>
        `${pad}${pyString(k)}: ${pyLiteral(v, indent + 4, depth + 1)},`,
    );
    return `{\n${items.join('\n')}\n${end}}`;
  }
  return 'None';
}

/** A docstring indented by `indent` spaces, or `undefined` for no text. */
export function pyDocstring(
  text: string | undefined,
  indent: number,
): string | undefined {
  const cleaned = cleanText(text ?? '').trim();
  if (!cleaned) return undefined;
  const pad = ' '.repeat(indent);
  const escaped = cleaned.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = escaped.split('\n').map(l => l.trimEnd());
  if (lines.length === 1) return `${pad}"""${lines[0]}"""`;
  const body = lines.map(l => (l ? `${pad}${l}` : '')).join('\n');
  return `${pad}"""${body.slice(pad.length)}\n${pad}"""`;
}

/** One comment line (no newlines), at most `max` characters of text. */
export function pyComment(text: string, max = 200): string {
  const line = cleanText(text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A TOML basic string. */
export function tomlString(text: string): string {
  return JSON.stringify(cleanText(text));
}
