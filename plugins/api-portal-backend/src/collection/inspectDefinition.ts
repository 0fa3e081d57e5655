import { createHash } from 'node:crypto';
import {
  readDialect,
  RevisionStatus,
  SpecFormat,
} from '@readiness/plugin-api-portal-common';
import {
  DefinitionTop,
  WorkerLimits,
  WorkerPool,
  WorkerPoolClosedError,
  WorkerTimeoutError,
} from '../worker/runWorker';

/** Limits on reading one definition. */
export type InspectLimits = WorkerLimits & {
  maxSpecBytes: number;
  maxYamlAliases: number;
};

/** What a definition is, before it is kept as a revision. */
export type InspectedDefinition = {
  contentHash: string;
  sizeBytes: number;
  /** The text, unless it is not kept (over the size limit, or missing). */
  content?: string;
  format: SpecFormat;
  specVersion?: string;
  version?: string;
  title?: string;
  status: RevisionStatus;
  statusMessage?: string;
};

/** SHA-256 of a definition text, hex. */
export function definitionHash(definition: string): string {
  return createHash('sha256').update(definition, 'utf8').digest('hex');
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The `spec.type` values whose definitions are YAML or JSON documents. */
const DOCUMENT_TYPES = new Set(['openapi', 'swagger', 'asyncapi']);

function describe(top: DefinitionTop, specType: string) {
  if (!top.mapping) {
    return {
      format: 'other' as const,
      ...(specType !== 'asyncapi' && {
        status: 'not-openapi' as const,
        statusMessage: `not an OpenAPI or Swagger document: the definition reads as ${
          top.type === 'object' ? 'null' : `a ${top.type}`
        }, not a mapping`,
      }),
    };
  }
  const about = {
    ...(top.infoVersion !== undefined && { version: top.infoVersion }),
    ...(top.infoTitle !== undefined && { title: top.infoTitle }),
  };
  // The field that declares the dialect, as the portal's reader reads it
  const { field, version } = readDialect(top);
  if (field !== undefined) {
    return { format: field, specVersion: version, ...about };
  }
  if (top.asyncapi !== undefined) {
    return { format: 'asyncapi' as const, specVersion: top.asyncapi, ...about };
  }
  return {
    format: 'other' as const,
    ...about,
    ...(specType !== 'asyncapi' && {
      status: 'not-openapi' as const,
      statusMessage:
        'not an OpenAPI or Swagger document: it has no top-level `openapi` or `swagger` field',
    }),
  };
}

/**
 * Reads an entity's `spec.definition` within the limits: its hash and size,
 * and, for OpenAPI, Swagger and AsyncAPI entities, its format, versions and
 * title from a parse in a worker thread of the pool. A definition that cannot be read
 * gets an error state with a message saying why; nothing here throws for bad
 * input.
 */
export async function inspectDefinition(
  specType: string | undefined,
  definition: unknown,
  limits: InspectLimits,
  workers: WorkerPool,
): Promise<InspectedDefinition> {
  if (typeof definition !== 'string' || definition.length === 0) {
    return {
      contentHash: definitionHash(''),
      sizeBytes: 0,
      format: 'other',
      status: 'no-definition',
      statusMessage:
        'spec.definition is missing or not a string (the catalog could not resolve it)',
    };
  }
  const sizeBytes = Buffer.byteLength(definition, 'utf8');
  const contentHash = definitionHash(definition);
  if (sizeBytes > limits.maxSpecBytes) {
    return {
      contentHash,
      sizeBytes,
      format: 'other',
      status: 'too-large',
      statusMessage: `the definition is ${mebibytes(
        sizeBytes,
      )}, larger than the limit of ${mebibytes(
        limits.maxSpecBytes,
      )} (apiPortal.limits.maxSpecBytes); it was not parsed`,
    };
  }
  const type = (specType ?? '').trim().toLocaleLowerCase('en-US');
  const kept = { contentHash, sizeBytes, content: definition };
  if (type === 'graphql') {
    return { ...kept, format: 'graphql', status: 'ok' };
  }
  if (!DOCUMENT_TYPES.has(type)) {
    return { ...kept, format: 'other', status: 'ok' };
  }
  try {
    const parsed = await workers.run(
      {
        type: 'parse',
        content: definition,
        maxAliasCount: limits.maxYamlAliases,
      },
      { timeoutMs: limits.timeoutMs },
    );
    if ('error' in parsed) {
      const what = {
        'invalid-json': 'not valid JSON',
        'invalid-yaml': 'not valid YAML',
        'yaml-alias-limit': `uses more than ${limits.maxYamlAliases} YAML aliases (apiPortal.limits.maxYamlAliases), refused as an alias bomb`,
      }[parsed.error.code];
      return {
        ...kept,
        format: 'other',
        status: parsed.error.code,
        statusMessage: `the definition is ${what}: ${parsed.error.message}`,
      };
    }
    return { ...kept, status: 'ok', ...describe(parsed.top, type) };
  } catch (error) {
    if (error instanceof WorkerPoolClosedError) throw error;
    const timedOut = error instanceof WorkerTimeoutError;
    return {
      ...kept,
      format: 'other',
      status: timedOut ? 'parse-timeout' : 'failed',
      statusMessage: timedOut
        ? `parsing the definition took longer than ${limits.timeoutMs} ms (apiPortal.limits.parseTimeout)`
        : `the definition could not be read: ${(error as Error).message}`,
    };
  }
}
