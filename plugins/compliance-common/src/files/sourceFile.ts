/*
 * One reader for every file the compliance plugins take as data: framework
 * files, OSCAL catalogs and profiles, mappings and the applicability file.
 * JSON is parsed with JSON.parse (the OSCAL catalogs run to megabytes), YAML
 * with line positions, and every problem is reported against the file with a
 * JSON pointer (and a line where the text gives one).
 */
import { LineCounter, parseDocument } from 'yaml';

/**
 * A file's text, with the path it is reported under.
 *
 * @public
 */
export type ComplianceFile = {
  /** Where the file came from: a path relative to the repository or a URL. */
  path: string;
  content: string;
};

/**
 * Something wrong in a file: where (file, JSON pointer, line) and what.
 *
 * @public
 */
export type ComplianceFileProblem = {
  file: string;
  /** JSON pointer into the file's data, e.g. `/spec/groups/2/controls/0/id`; `` for the whole file. */
  path: string;
  /** 1-based line, when the file is YAML or the parser said where. */
  line?: number;
  message: string;
};

/** A path of object keys and array indexes inside a file's data. */
export type DataPath = ReadonlyArray<string | number>;

/** A JSON pointer (RFC 6901) of a data path. */
export function jsonPointer(path: DataPath): string {
  return path
    .map(
      segment => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    )
    .join('');
}

/** Collects the problems of one file, locating them on their lines. */
export class FileProblems {
  private reported = 0;

  constructor(
    readonly file: string,
    private readonly sink: ComplianceFileProblem[],
    private readonly lineOf: (path: DataPath) => number | undefined = () =>
      undefined,
  ) {}

  /** How many problems this file has had so far. */
  get count(): number {
    return this.reported;
  }

  report(path: DataPath, message: string): void {
    this.reported += 1;
    const line = this.lineOf(path);
    this.sink.push({
      file: this.file,
      path: jsonPointer(path),
      ...(line !== undefined && { line }),
      message,
    });
  }
}

/** A parsed file: its data and where to report its problems. */
export type ParsedFile = {
  file: ComplianceFile;
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
 * Parses a file as JSON (a `.json` path) or YAML (anything else). A file that
 * does not parse is reported at the pointer `` and gives `undefined`.
 */
export function parseComplianceFile(
  file: ComplianceFile,
  sink: ComplianceFileProblem[],
): ParsedFile | undefined {
  if (/\.json$/i.test(file.path)) {
    try {
      return {
        file,
        data: JSON.parse(file.content),
        problems: new FileProblems(file.path, sink),
      };
    } catch (error) {
      const line = lineOfJsonError(error as Error, file.content);
      sink.push({
        file: file.path,
        path: '',
        ...(line !== undefined && { line }),
        message: `not valid JSON: ${(error as Error).message}`,
      });
      return undefined;
    }
  }

  const lines = new LineCounter();
  const document = parseDocument(file.content, { lineCounter: lines });
  const [error] = document.errors;
  if (error) {
    sink.push({
      file: file.path,
      path: '',
      ...(error.linePos && { line: error.linePos[0].line }),
      message: `not valid YAML: ${error.message.split('\n')[0]}`,
    });
    return undefined;
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
  return {
    file,
    data: document.toJS(),
    problems: new FileProblems(file.path, sink, lineOf),
  };
}
