/*
 * A large YAML definition read one section at a time. A block mapping is
 * split at its keys by indentation alone — an entry of a mapping indented by
 * n spaces ends where the next line indented by n that is no comment and no
 * compact sequence item starts — and a section is handed to js-yaml only when
 * something reads it: listing Stripe's operations reads their summaries, tags
 * and ids, not their parameters nor the schemas behind them.
 *
 * A mapping large enough to be worth it becomes an object of lazy properties;
 * anything else is parsed from its own lines by js-yaml, which gives the value
 * it has in the whole document unless the section holds an alias to an anchor
 * elsewhere. Whatever the splitter is not sure of — a layout it does not
 * know, a section js-yaml rejects, an alias — is read from the whole document
 * instead, so the values are always js-yaml's.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isJsonObject, JsonObject, JsonValue } from './json';

/** Mappings whose text is shorter are parsed whole when read. */
const SPLIT_FROM = 2048;

const OPTIONS = { schema: CORE_SCHEMA, json: true };

/** The splitter met a layout it does not handle. */
class UnsupportedLayout extends Error {}

/** Plain scalars that the YAML core schema may read as no string. */
const MAYBE_NO_STRING =
  /^(?:[-+.0-9~]|(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$)/;
/** Plain scalars js-yaml is left to read: indicators, comments, colons, tabs. */
const NOT_SIMPLY_PLAIN = /^[-?:,[\]{}#&*!|>'"%@`]|\s#|:(?:\s|$)|\t/;

/** Lines indented by n spaces or less that hold something, by n. */
const linesUpToIndent = new Map<number, RegExp>();

/** A line, from `from` (its first character after the indentation) to `end`. */
interface Line {
  start: number;
  from: number;
  end: number;
  indent: number;
}

interface Entry {
  key: string;
  /** What follows the key's colon on its line, a comment aside. */
  rest: string;
  /** The entry's text: from its key's line up to the next entry's. */
  start: number;
  end: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

class YamlText {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  lineEnd(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline;
  }

  /**
   * The lines of start..end indented by `indent` spaces or less that hold
   * something, found by one regular expression over the text.
   */
  *linesUpTo(start: number, end: number, indent: number): Generator<Line> {
    let pattern = linesUpToIndent.get(indent);
    if (!pattern) {
      pattern = new RegExp(`\\n( {0,${indent}})(?=[^ \\r\\n])`, 'g');
      linesUpToIndent.set(indent, pattern);
    }
    const text = this.text;
    if (start === 0) {
      // the first line has no line break before it
      let at = 0;
      while (text[at] === ' ') at++;
      const code = text.charCodeAt(at);
      if (at <= indent && at < text.length && code !== 10 && code !== 13) {
        yield { start: 0, from: at, end: this.lineEnd(0), indent: at };
      }
    }
    pattern.lastIndex = start === 0 ? 0 : start - 1;
    for (;;) {
      const match = pattern.exec(text);
      if (!match || match.index + 1 >= end) {
        return;
      }
      const lineStart = match.index + 1;
      const lineIndent = match[1].length;
      yield {
        start: lineStart,
        from: lineStart + lineIndent,
        end: this.lineEnd(lineStart),
        indent: lineIndent,
      };
    }
  }

  /** Whether anything but whitespace is written in from..end. */
  hasTextWithin(from: number, end: number): boolean {
    const pattern = /\S/g;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    return match !== null && match.index < end;
  }

  /** The indentation of the first line after `from` that is no comment. */
  nextIndent(from: number, end: number): { indent: number; item: boolean } {
    const pattern = /\n( *)(?=[^ \r\n#])/g;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    if (!match || match.index + 1 >= end) {
      return { indent: -1, item: false };
    }
    const at = match.index + 1 + match[1].length;
    const text = this.text;
    return {
      indent: match[1].length,
      item: text[at] === '-' && isBlank(text.charCodeAt(at + 1)),
    };
  }
}

/** The key a mapping entry's line starts with, and what follows its colon. */
function readKey(text: string, line: Line): { key: string; rest: string } {
  const { from, end } = line;
  const first = text[from];
  let key: string;
  let colon: number;
  if (first === '"' || first === "'") {
    let at = from + 1;
    let escaped = false;
    for (; ; at++) {
      if (at >= end) {
        throw new UnsupportedLayout('a quoted key over several lines');
      }
      const character = text[at];
      if (first === '"' && character === '\\') {
        escaped = true;
        at++;
      } else if (character === first) {
        if (first === "'" && text[at + 1] === "'") {
          at++;
        } else {
          break;
        }
      }
    }
    const token = text.slice(from, at + 1);
    if (first === "'") {
      key = token.slice(1, -1).replace(/''/g, "'");
    } else {
      key = escaped ? String(load(token, OPTIONS)) : token.slice(1, -1);
    }
    colon = at + 1;
    while (colon < end && text[colon] === ' ') {
      colon++;
    }
    if (text[colon] !== ':' || !isBlank(text.charCodeAt(colon + 1))) {
      throw new UnsupportedLayout('a quoted scalar where a key was expected');
    }
  } else {
    if ('[]{}&*!|>%@`?:,#\t'.includes(first)) {
      throw new UnsupportedLayout(`a key starting with ${first}`);
    }
    colon = from;
    for (; ; colon++) {
      if (colon >= end) {
        throw new UnsupportedLayout('a line without a key');
      }
      const character = text[colon];
      if (character === ':' && isBlank(text.charCodeAt(colon + 1))) {
        break;
      }
      if (character === '#' && isBlank(text.charCodeAt(colon - 1))) {
        throw new UnsupportedLayout('a comment where a key was expected');
      }
    }
    const plain = text.slice(from, colon).trimEnd();
    if (plain === '<<') {
      throw new UnsupportedLayout('a merge key');
    }
    // js-yaml makes a key of the value it reads: `200` and `~` are numbers
    // and null until then
    key = MAYBE_NO_STRING.test(plain) ? String(load(plain, OPTIONS)) : plain;
  }
  let rest = text.slice(colon + 1, end).trim();
  if (rest.startsWith('#')) {
    rest = '';
  }
  return { key, rest };
}

/** A quoted scalar or flow collection started on the key's line ends there. */
function endsOnItsLine(rest: string): boolean {
  const first = rest[0];
  if (first === '"') {
    return /^"(?:[^"\\]|\\.)*"\s*(?:#.*)?$/.test(rest);
  }
  if (first === "'") {
    return /^'(?:[^']|'')*'\s*(?:#.*)?$/.test(rest);
  }
  if (first === '[' || first === '{') {
    const unquoted = rest.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
    if (/["']/.test(unquoted)) {
      return false;
    }
    let depth = 0;
    for (const character of unquoted) {
      if (character === '[' || character === '{') depth++;
      if (character === ']' || character === '}') depth--;
    }
    return depth === 0;
  }
  return true;
}

/**
 * A value written on its key's line alone, read without js-yaml when it is
 * plainly a string; undefined when js-yaml has to read it.
 */
function simpleScalar(rest: string): string | undefined {
  const first = rest[0];
  if (first === '"') {
    return /^"[^"\\]*"$/.test(rest) ? rest.slice(1, -1) : undefined;
  }
  if (first === "'") {
    return /^'(?:[^']|'')*'$/.test(rest)
      ? rest.slice(1, -1).replace(/''/g, "'")
      : undefined;
  }
  return MAYBE_NO_STRING.test(rest) || NOT_SIMPLY_PLAIN.test(rest)
    ? undefined
    : rest;
}

function valueAt(root: JsonValue, path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const key of path) {
    value = isJsonObject(value) ? value[key] : undefined;
  }
  return value;
}

class SectionReader {
  private readonly yaml: YamlText;
  private readonly whole: () => JsonValue;

  constructor(yaml: YamlText, whole: () => JsonValue) {
    this.yaml = yaml;
    this.whole = whole;
  }

  /** The entries of the block mapping indented by `indent` in start..end. */
  private entriesOf(start: number, end: number, indent: number): Entry[] {
    const { yaml } = this;
    const text = yaml.text;
    const entries: Entry[] = [];
    for (const line of yaml.linesUpTo(start, end, indent)) {
      const first = text[line.from];
      if (first === '#' || text.slice(line.from, line.end).trim() === '') {
        continue;
      }
      if (line.indent < indent) {
        throw new UnsupportedLayout('a line left of the mapping’s indentation');
      }
      if (first === '-' && isBlank(text.charCodeAt(line.from + 1))) {
        if (entries.length === 0) {
          throw new UnsupportedLayout(
            'a sequence where a mapping was expected',
          );
        }
        // `key:` followed by `- item` lines at the key's own indentation
        continue;
      }
      const { key, rest } = readKey(text, line);
      if (rest && !endsOnItsLine(rest)) {
        // js-yaml tolerates a quoted value continued at its key's
        // indentation, which would read here as a key: parse such a mapping
        // whole
        throw new UnsupportedLayout('a value continued on the next lines');
      }
      if (entries.length > 0) {
        entries[entries.length - 1].end = line.start;
      }
      entries.push({ key, rest, start: line.start, end });
    }
    return entries;
  }

  /** A mapping whose properties read their sections when first asked for. */
  mapping(
    path: string[],
    start: number,
    end: number,
    indent: number,
  ): JsonObject {
    const mapping: JsonObject = {};
    for (const entry of this.entriesOf(start, end, indent)) {
      const { key } = entry;
      // the value stays behind its getter: turning the property into a data
      // property would make V8 rebuild a large mapping at every first read
      let value: { read: JsonValue } | undefined;
      Object.defineProperty(mapping, key, {
        configurable: true,
        enumerable: true,
        get: () => {
          value ??= { read: this.read([...path, key], entry, indent) };
          return value.read;
        },
        set: (written: JsonValue) => {
          value = { read: written };
        },
      });
    }
    return mapping;
  }

  private read(path: string[], entry: Entry, indent: number): JsonValue {
    const { yaml } = this;
    const firstLineEnd = yaml.lineEnd(entry.start);
    try {
      if (entry.rest === '' && entry.end - entry.start >= SPLIT_FROM) {
        const next = yaml.nextIndent(firstLineEnd, entry.end);
        if (next.indent > indent && !next.item) {
          try {
            return this.mapping(path, firstLineEnd + 1, entry.end, next.indent);
          } catch (error) {
            if (!(error instanceof UnsupportedLayout)) throw error;
            // not a layout to split: js-yaml reads the section whole
          }
        }
      }
      if (entry.rest !== '' && !yaml.hasTextWithin(firstLineEnd, entry.end)) {
        const simple = simpleScalar(entry.rest);
        if (simple !== undefined) {
          return simple;
        }
      }
      return this.parse(entry);
    } catch {
      // an alias to an anchor elsewhere, or text js-yaml rejects: what the
      // whole document says, or its error
      return valueAt(this.whole(), path) as JsonValue;
    }
  }

  /** The value of the one entry a section holds, as js-yaml reads it. */
  private parse(entry: Entry): JsonValue {
    const parsed = load(this.yaml.text.slice(entry.start, entry.end), OPTIONS);
    if (!isJsonObject(parsed)) {
      throw new UnsupportedLayout('the entry is no mapping');
    }
    const keys = Object.keys(parsed);
    if (keys.length !== 1 || keys[0] !== entry.key) {
      throw new UnsupportedLayout('the entry is not read as one key');
    }
    return parsed[entry.key];
  }
}

/** Document markers other than a first `---`, and directives. */
const MARKER_OR_DIRECTIVE = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)|^%/gm;

/**
 * The document as an object whose sections are parsed on first read, or
 * undefined when the text is not one block mapping laid out as the splitter
 * knows. `whole` parses the whole text; it is called only when a section
 * cannot be read on its own, and may throw.
 */
export function readYamlSections(
  text: string,
  whole: () => JsonValue,
): JsonObject | undefined {
  const source = text.replace(/^\uFEFF/, '');
  let start = 0;
  const leading = /^(?:\s*#[^\n]*\n|\s*\n)*---[ \t]*\r?\n/.exec(source);
  if (leading) {
    start = leading[0].length;
  }
  MARKER_OR_DIRECTIVE.lastIndex = start;
  if (MARKER_OR_DIRECTIVE.test(source)) {
    return undefined;
  }
  const yaml = new YamlText(source);
  try {
    const root = new SectionReader(yaml, whole).mapping(
      [],
      start,
      source.length,
      0,
    );
    return Object.keys(root).length > 0 ? root : undefined;
  } catch (error) {
    if (error instanceof UnsupportedLayout) {
      return undefined;
    }
    throw error;
  }
}
