import { InputError } from '@backstage/errors';

/** A JSON object of unknown shape. */
export type JsonObject = Record<string, unknown>;

/**
 * The OpenAPI major.minor versions generators understand.
 *
 * @public
 */
export type SpecVersion = '2.0' | '3.0' | '3.1';

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

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  const swagger = spec.swagger;
  if (swagger !== undefined) {
    if (String(swagger).trim() === '2.0') return { version: '2.0', ...base };
    throw new InputError(
      `Swagger ${String(
        swagger,
      )} is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are`,
    );
  }
  const openapi = asString(spec.openapi);
  if (openapi === undefined) {
    throw new InputError(
      "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
    );
  }
  if (/^3\.0(\.|$)/.test(openapi)) return { version: '3.0', ...base };
  if (/^3\.1(\.|$)/.test(openapi)) return { version: '3.1', ...base };
  throw new InputError(
    `OpenAPI ${openapi} is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are`,
  );
}

/**
 * The first server URL with its variables set to their defaults, or the
 * Swagger 2.0 `schemes`/`host`/`basePath` URL. Relative URLs are returned as
 * they are; an empty string means the document names no server.
 */
export function defaultServerUrl(spec: JsonObject): string {
  if (spec.swagger !== undefined) {
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

/** `Ledger API` stays as it is, `Ledger` becomes `Ledger API`. */
export function apiLabel(title: string): string {
  return /\bapi$/i.test(title.trim()) ? title.trim() : `${title.trim()} API`;
}

const MAX_REF_HOPS = 32;

/**
 * Follows internal `$ref`s (`#/...`) to the object they point at. Returns
 * `undefined` for external, missing or cyclic references.
 */
export function resolveLocalRef(
  spec: JsonObject,
  value: unknown,
): JsonObject | undefined {
  let current = value;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    if (!isObject(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    current = readPointer(spec, ref);
  }
  return undefined;
}

/** Reads an internal JSON pointer such as `#/components/schemas/Money`. */
export function readPointer(spec: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return spec;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = spec;
  for (const raw of pointer.slice(1).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(current)) {
      current = current[Number(key)];
    } else if (isObject(current) && Object.hasOwn(current, key)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}
