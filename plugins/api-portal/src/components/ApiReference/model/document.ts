import { CORE_SCHEMA, load } from 'js-yaml';
import {
  ApiDialect,
  OpenApiReader,
  OpenApiReaderOptions,
} from '@readiness/plugin-api-portal-common';
import {
  isJsonObject,
  JsonObject,
  JsonValue,
  objectField,
  stringField,
} from './json';
import { listOperations, OperationEntry } from './operations';
import { MAX_REF_HOPS } from './references';
import { readYamlSections } from './yamlSections';

/** A parsed API definition, with its operations listed and nothing else. */
export interface ApiDocument {
  /**
   * The definition. A large YAML one is read section by section on first
   * access (see yamlSections.ts): reading a property may throw an
   * `ApiDefinitionError` when that part is not valid YAML.
   */
  root: JsonObject;
  specification: ApiDialect;
  title: string;
  version?: string;
  description?: string;
  /** The portal's reader over `root`: `$ref`s, path items, components. */
  reader: OpenApiReader;
  operations: OperationEntry[];
}

/**
 * The reference shows what a definition says: versions are read leniently,
 * `$ref`s into other documents are shown as such instead of refusing the
 * definition (finding them would also read every section of a large one).
 */
const READER_OPTIONS: OpenApiReaderOptions = {
  versions: 'lenient',
  externalRefs: 'report',
  maxHops: MAX_REF_HOPS,
};

/** Why a definition cannot be shown. */
export class ApiDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiDefinitionError';
  }
}

/**
 * YAML definitions from this size on are read section by section, as the
 * reference needs them; smaller ones parse whole in a few milliseconds.
 */
const READ_IN_SECTIONS_FROM = 256 * 1024;

function parseYaml(text: string): unknown {
  try {
    // CORE_SCHEMA keeps dates as strings; `json` lets duplicate keys override
    return load(text, { schema: CORE_SCHEMA, json: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiDefinitionError(
      `The API definition is neither valid JSON nor valid YAML: ${reason}`,
    );
  }
}

function parseText(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.length === 0) {
    throw new ApiDefinitionError('The API definition is empty.');
  }
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // not JSON after all; YAML is a superset, and its errors say where
    }
  }
  if (text.length >= READ_IN_SECTIONS_FROM) {
    // parsed at most once, and only if a section cannot be read on its own
    let whole: { value?: unknown; error?: unknown } | undefined;
    const sections = readYamlSections(text, () => {
      if (!whole) {
        try {
          whole = { value: parseYaml(text) };
        } catch (error) {
          whole = { error };
        }
      }
      if (whole.error) {
        throw whole.error;
      }
      return whole.value as JsonValue;
    });
    if (sections) {
      return sections;
    }
  }
  return parseYaml(text);
}

function specificationOf(reader: OpenApiReader): ApiDialect {
  const { dialect, field, version, problem } = reader.dialect;
  if (dialect) {
    return dialect;
  }
  if (field === 'openapi' && problem === 'unsupported-version') {
    throw new ApiDefinitionError(
      `OpenAPI ${version} is not supported; the reference shows OpenAPI 3.x and Swagger 2.0 documents.`,
    );
  }
  throw new ApiDefinitionError(
    'This is not an OpenAPI document: it has neither an "openapi" nor a "swagger" field.',
  );
}

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 definition given as JSON or YAML text
 * or as an already parsed object. Throws `ApiDefinitionError`.
 */
export function readApiDocument(definition: string | object): ApiDocument {
  const parsed =
    typeof definition === 'string' ? parseText(definition) : definition;
  if (!isJsonObject(parsed)) {
    throw new ApiDefinitionError(
      'The API definition is not an object with "openapi" or "swagger", "info" and "paths".',
    );
  }
  const root = parsed;
  const reader = new OpenApiReader(root, READER_OPTIONS);
  const specification = specificationOf(reader);
  const info = objectField(root, 'info');
  return {
    root,
    specification,
    title: stringField(info, 'title') ?? 'API',
    version: stringField(info, 'version'),
    description: stringField(info, 'description'),
    reader,
    operations: listOperations(reader),
  };
}
