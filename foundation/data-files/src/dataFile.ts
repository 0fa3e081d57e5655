/*
 * One reader for the files the portal takes as data: control frameworks,
 * OSCAL catalogs, mappings, applicability rules, scorecard checks. JSON is
 * parsed with JSON.parse (OSCAL catalogs run to megabytes), YAML with line
 * positions; a file holds one document. Every problem is reported against
 * the file with a JSON pointer, and a line where the text gives one, so a
 * reader reports all of a file's problems in one pass and goes on with the
 * other files.
 */
import { LineCounter, parseAllDocuments } from 'yaml';

/**
 * A file's text, with the path it is reported under.
 *
 * @public
 */
export type DataFile = {
  /** Where the file came from: a path relative to the repository or a URL. */
  path: string;
  content: string;
};

/**
 * Something wrong in a file: where (file, JSON pointer, line) and what.
 *
 * @public
 */
export type DataFileProblem = {
  file: string;
  /** JSON pointer into the file's data, e.g. `/spec/rule/all/0/fact`; `` for the whole file. */
  path: string;
  /** 1-based line, when the file is YAML or the parser said where. */
  line?: number;
  message: string;
};

/**
 * A path of object keys and array indexes inside a file's data.
 *
 * @public
 */
export type DataPath = ReadonlyArray<PropertyKey>;

/**
 * The JSON pointer (RFC 6901) of a data path.
 *
 * @public
 */
export function jsonPointer(path: DataPath): string {
  return path
    .map(
      segment => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    )
    .join('');
}

/**
 * What a value is, for messages: `null`, `a list`, `an object`, or the value
 * itself as JSON.
 *
 * @public
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

/**
 * Collects the problems of one file, placing each on its line.
 *
 * @public
 */
export class FileProblems {
  #reported = 0;

  constructor(
    readonly file: string,
    private readonly sink: DataFileProblem[],
    private readonly lineOf: (path: DataPath) => number | undefined = () =>
      undefined,
  ) {}

  /** How many problems this file has had so far. */
  get count(): number {
    return this.#reported;
  }

  report(path: DataPath, message: string): void {
    this.#reported += 1;
    const line = this.lineOf(path);
    this.sink.push({
      file: this.file,
      path: jsonPointer(path),
      ...(line !== undefined && { line }),
      message,
    });
  }
}

/**
 * A parsed file: its data (`null` for an empty file) and where to report the
 * problems readers find in it.
 *
 * @public
 */
export type ParsedDataFile = {
  file: DataFile;
  data: unknown;
  problems: FileProblems;
};

function lineOfJsonError(error: Error, content: string): number | undefined {
  const explicit = /line (\d+) column \d+/.exec(error.message);
  if (explicit) return Number(explicit[1]);
  const position = /at position (\d+)/.exec(error.message);
  if (position) {
    return content.slice(0, Number(position[1])).split('\n').length;
  }
  return undefined;
}

/**
 * Parses a file as JSON (a `.json` path) or YAML (anything else). A file
 * that does not parse, or YAML holding more than one document, is reported
 * at the pointer `` and gives `undefined`.
 *
 * @public
 */
export function parseDataFile(
  file: DataFile,
  sink: DataFileProblem[],
): ParsedDataFile | undefined {
  const whole = (message: string, line?: number) => {
    sink.push({
      file: file.path,
      path: '',
      ...(line !== undefined && { line }),
      message,
    });
    return undefined;
  };

  if (/\.json$/i.test(file.path)) {
    try {
      return {
        file,
        data: JSON.parse(file.content),
        problems: new FileProblems(file.path, sink),
      };
    } catch (error) {
      return whole(
        `not valid JSON: ${(error as Error).message}`,
        lineOfJsonError(error as Error, file.content),
      );
    }
  }

  const lines = new LineCounter();
  const parsed = parseAllDocuments(file.content, { lineCounter: lines });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  const [document] = documents;
  if (!document) {
    return { file, data: null, problems: new FileProblems(file.path, sink) };
  }
  const [error] = document.errors;
  if (error) {
    return whole(
      `not valid YAML: ${error.message.split('\n')[0]}`,
      error.linePos?.[0].line,
    );
  }
  if (documents.length > 1) {
    const next = documents[1].range;
    return whole(
      'holds more than one document; write one per file',
      next ? lines.linePos(next[0]).line : undefined,
    );
  }
  const lineOf = (path: DataPath) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (failure) {
    return whole(`not usable: ${(failure as Error).message}`);
  }
  return { file, data, problems: new FileProblems(file.path, sink, lineOf) };
}
