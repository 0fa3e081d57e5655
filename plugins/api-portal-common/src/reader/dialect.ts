/*
 * Which dialect an API description is written in, decided in one place for
 * every reader. A string `openapi` of 3.0.x or 3.1.x is OpenAPI 3.0 or 3.1;
 * a document whose `openapi` names any other 3.x version is an OpenAPI 3
 * document the reader does not understand, never Swagger; otherwise
 * `swagger: "2.0"` is Swagger 2.0. Versions must be strings, as the
 * specifications say: YAML reads `swagger: 2.0` as the number 2, which
 * declares no dialect. A reader that only shows a document may read
 * versions leniently instead (see {@link DialectOptions}).
 */
import { isJsonObject } from './pointer';

/** An API description dialect the reader understands. @public */
export type ApiDialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/** The field of a document that declares its dialect. @public */
export type DialectField = 'openapi' | 'swagger';

/**
 * What a document says about its dialect.
 *
 * @public
 */
export type DialectReading = {
  /** The dialect, when the document declares one the reader understands. */
  dialect?: ApiDialect;
  /**
   * The field that declares it: the one read as the dialect, else the first
   * of `openapi` and `swagger` that holds a string or a number.
   */
  field?: DialectField;
  /** That field's value as written; a number as its decimal text. */
  version?: string;
  /** Why there is no dialect. */
  problem?: 'no-version-field' | 'version-not-a-string' | 'unsupported-version';
};

/**
 * How strictly {@link readDialect} reads versions.
 *
 * @public
 */
export type DialectOptions = {
  /**
   * `strict` (default): versions as the specifications write them.
   * `lenient`, for readers that only show a document: an `openapi` string
   * starting with `3.0` reads as OpenAPI 3.0 and any other `3.` version
   * (3.2 keeps 3.1's shape) as OpenAPI 3.1, and `swagger: 2.0` that YAML
   * reads as the number 2 as Swagger 2.0.
   */
  versions?: 'strict' | 'lenient';
};

function declared(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : undefined;
}

function openApiDialect(
  version: string,
  lenient: boolean,
): ApiDialect | undefined {
  if (lenient ? version.startsWith('3.0') : /^3\.0(\.|$)/.test(version)) {
    return 'openapi-3.0';
  }
  if (lenient ? version.startsWith('3.') : /^3\.1(\.|$)/.test(version)) {
    return 'openapi-3.1';
  }
  return undefined;
}

/**
 * Reads the dialect of a parsed document from its `openapi` and `swagger`
 * fields; anything but an object declares none.
 *
 * @public
 */
export function readDialect(
  document: unknown,
  options: DialectOptions = {},
): DialectReading {
  const lenient = options.versions === 'lenient';
  const root = isJsonObject(document) ? document : {};
  const { openapi, swagger } = root;
  if (typeof openapi === 'string') {
    const dialect = openApiDialect(openapi, lenient);
    if (dialect) {
      return { dialect, field: 'openapi', version: openapi };
    }
    if (openapi.startsWith('3.')) {
      return {
        field: 'openapi',
        version: openapi,
        problem: 'unsupported-version',
      };
    }
  }
  if (swagger === '2.0' || (lenient && swagger === 2)) {
    return {
      dialect: 'swagger-2.0',
      field: 'swagger',
      version: String(swagger),
    };
  }
  for (const field of ['openapi', 'swagger'] as const) {
    const version = declared(root[field]);
    if (version !== undefined) {
      return {
        field,
        version,
        problem:
          typeof root[field] === 'string'
            ? 'unsupported-version'
            : 'version-not-a-string',
      };
    }
  }
  return { problem: 'no-version-field' };
}
