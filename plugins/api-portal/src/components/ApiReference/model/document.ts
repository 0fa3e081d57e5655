import { CORE_SCHEMA, load } from 'js-yaml';
import {
  isJsonObject,
  JsonObject,
  JsonValue,
  objectField,
  stringField,
} from './json';
import { listOperations, OperationEntry } from './operations';
import { ReferenceResolver } from './references';
import { readYamlSections } from './yamlSections';

export type SpecificationVersion =
  | 'swagger-2.0'
  | 'openapi-3.0'
  | 'openapi-3.1';

/** A parsed API definition, with its operations listed and nothing else. */
export interface ApiDocument {
  /**
   * The definition. A large YAML one is read section by section on first
   * access (see yamlSections.ts): reading a property may throw an
   * `ApiDefinitionError` when that part is not valid YAML.
   */
  root: JsonObject;
  specification: SpecificationVersion;
  title: string;
  version?: string;
  description?: string;
  resolver: ReferenceResolver;
  operations: OperationEntry[];
}

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

function specificationOf(root: JsonObject): SpecificationVersion {
  const openapi = stringField(root, 'openapi');
  if (openapi?.startsWith('3.0')) {
    return 'openapi-3.0';
  }
  if (openapi?.startsWith('3.')) {
    return 'openapi-3.1';
  }
  const swagger = root.swagger;
  if (swagger === '2.0' || swagger === 2) {
    return 'swagger-2.0';
  }
  if (openapi !== undefined) {
    throw new ApiDefinitionError(
      `OpenAPI ${openapi} is not supported; the reference shows OpenAPI 3.x and Swagger 2.0 documents.`,
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
  const specification = specificationOf(root);
  const info = objectField(root, 'info');
  const resolver = new ReferenceResolver(root);
  return {
    root,
    specification,
    title: stringField(info, 'title') ?? 'API',
    version: stringField(info, 'version'),
    description: stringField(info, 'description'),
    resolver,
    operations: listOperations(root, resolver),
  };
}
