/*
 * What SDK generators, the Postman conversion and the backend's SDK builds
 * read from a bundled definition, through the portal's one reader: its
 * summary, its default server URL and the reader itself.
 */
import { InputError } from '@backstage/errors';
import {
  ApiDialect,
  isJsonObject as isObject,
  JsonObject,
  OpenApiReader,
  readDialect,
} from '../reader';
import { assertSelfContained } from './selfContained';

/**
 * The OpenAPI major.minor versions generators understand.
 *
 * @public
 */
export type SpecVersion = '2.0' | '3.0' | '3.1';

const SPEC_VERSIONS: Record<ApiDialect, SpecVersion> = {
  'swagger-2.0': '2.0',
  'openapi-3.0': '3.0',
  'openapi-3.1': '3.1',
};

/**
 * What generators need to know about a document before reading it.
 *
 * @public
 */
export interface SpecSummary {
  version: SpecVersion;
  title: string;
  apiVersion: string;
  summary?: string;
  description?: string;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/**
 * Checks that a value is an OpenAPI 3.0/3.1 or Swagger 2.0 document and
 * reads its version and title; throws an `InputError` saying why not.
 *
 * @public
 */
export function describeSpec(spec: unknown): SpecSummary {
  if (!isObject(spec)) {
    throw new InputError('The API description is not a JSON/YAML object');
  }
  const info = asObject(spec.info);
  const base = {
    title: asString(info.title)?.trim() || 'API',
    apiVersion: String(info.version ?? '').trim() || '0.0.0',
    summary: asString(info.summary),
    description: asString(info.description),
  };
  const { dialect, field, version, problem } = readDialect(spec);
  if (dialect) return { version: SPEC_VERSIONS[dialect], ...base };
  if (field === 'swagger') {
    throw new InputError(
      `Swagger ${version} is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are`,
    );
  }
  if (problem === 'unsupported-version') {
    throw new InputError(
      `OpenAPI ${version} is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are`,
    );
  }
  throw new InputError(
    "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
  );
}

/**
 * The first server URL with its variables set to their defaults, or the
 * Swagger 2.0 `schemes`/`host`/`basePath` URL. Relative URLs are returned as
 * they are; an empty string means the document names no server.
 *
 * @public
 */
export function defaultServerUrl(reader: OpenApiReader): string {
  const spec = reader.root;
  if (reader.isSwagger) {
    const host = asString(spec.host);
    const basePath = asString(spec.basePath) ?? '';
    if (!host) return basePath === '/' ? '' : basePath;
    const schemes = asArray(spec.schemes).filter(
      (s): s is string => typeof s === 'string',
    );
    const scheme = schemes.includes('https') ? 'https' : schemes[0] ?? 'https';
    return `${scheme}://${host}${basePath === '/' ? '' : basePath}`;
  }
  const server = asArray(spec.servers).find(isObject);
  const template = asString(server?.url);
  if (!server || !template) return '';
  const variables = asObject(server.variables);
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = asObject(variables[name]).default;
    return value === undefined ? whole : String(value);
  });
}

/**
 * The API's name in generated text: `Ledger API` stays as it is, `Ledger`
 * becomes `Ledger API`.
 *
 * @public
 */
export function apiLabel(title: string): string {
  return /\bapi$/i.test(title.trim()) ? title.trim() : `${title.trim()} API`;
}

/**
 * How generators read a document: the portal's one reader, refusing any
 * `$ref` into another document (the SDK policy's message names them).
 * A chain of 32 `$ref`s has always been too long for the generators.
 */
const SDK_READER_LIMITS = { maxHops: 31 };

/**
 * Reads a self-contained document for a generator; throws an `InputError`
 * naming its external `$ref`s otherwise.
 *
 * @public
 */
export function selfContainedReader(spec: unknown): OpenApiReader {
  assertSelfContained(spec);
  return new OpenApiReader(spec, SDK_READER_LIMITS);
}
