/**
 * Python names from API names: identifiers that are valid, never keywords
 * and unique within their scope.
 */

/** Hard keywords plus the constants that cannot be assigned. */
export const PYTHON_KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a key can be written as a TypedDict class-syntax field. */
export function isPlainFieldName(name: string): boolean {
  return (
    ASCII_IDENTIFIER.test(name) &&
    !PYTHON_KEYWORDS.has(name) &&
    // `__x` is name-mangled inside a class body.
    !name.startsWith('__')
  );
}

/** Splits `getHTTPResponse_v2.items` into `get`, `HTTP`, `Response`, `v2`, `items`. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function guard(name: string, prefix: string): string {
  let result = name;
  if (!result) result = prefix;
  if (/^[0-9]/.test(result)) result = `${prefix}${result}`;
  if (PYTHON_KEYWORDS.has(result)) result = `${result}_`;
  return result;
}

/** `journal_entry` → `JournalEntry`; a leading digit gets `prefix`. */
export function toPascalCase(text: string, prefix = 'Model'): string {
  const name = words(text)
    .map(w => w.charAt(0).toLocaleUpperCase('en-US') + w.slice(1))
    .join('');
  return guard(name, prefix);
}

/** `createJournalEntry` → `create_journal_entry`; a leading digit gets `prefix`. */
export function toSnakeCase(text: string, prefix = 'n_'): string {
  const name = words(text)
    .map(w => w.toLocaleLowerCase('en-US'))
    .join('_');
  return guard(name, prefix);
}

/** Hands out unique names within one scope (a module, a signature, ...). */
export class NameScope {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  /**
   * `name` when free, else `name_` (the PEP 8 way around a clash), else a
   * numbered variant: `Money2`, `id_2`, `import_2` (from `import_`).
   */
  claim(name: string): string {
    const base = name.replace(/_+$/, '') || name;
    const separator = /^[A-Z]/.test(base) && !/\d$/.test(base) ? '' : '_';
    let candidate = name;
    if (this.#taken.has(candidate) && !name.endsWith('_')) {
      candidate = `${name}_`;
    }
    for (let n = 2; this.#taken.has(candidate); n++) {
      candidate = `${base}${separator}${n}`;
    }
    this.#taken.add(candidate);
    return candidate;
  }
}
