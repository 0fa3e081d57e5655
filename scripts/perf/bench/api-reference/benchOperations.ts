/*
 * Which operations of a definition the benchmark opens: the first of the
 * document, and the heaviest — the one whose request body (or, for a
 * definition without request bodies, whose responses) reaches the most
 * schema text through its `$ref`s, counting each referenced schema once.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { BenchOperation } from './renderers';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function isRecord(value: Json | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseDefinition(text: string): JsonRecord {
  const parsed = text.trimStart().startsWith('{')
    ? JSON.parse(text)
    : load(text, { schema: CORE_SCHEMA, json: true });
  if (!isRecord(parsed)) {
    throw new Error('the definition is not an object');
  }
  return parsed;
}

function lookup(root: JsonRecord, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  let target: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isRecord(target) ? target[key] : undefined;
  }
  return target;
}

/** Characters of `value` plus every schema reachable from it by `$ref`. */
function reachableSize(root: JsonRecord, value: Json | undefined): number {
  if (value === undefined) {
    return 0;
  }
  const seen = new Set<string>();
  const pending: Json[] = [value];
  let size = JSON.stringify(value).length;
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (Array.isArray(current)) {
      pending.push(...current);
    } else if (isRecord(current)) {
      const ref = current.$ref;
      if (typeof ref === 'string') {
        if (!seen.has(ref)) {
          seen.add(ref);
          const target = lookup(root, ref);
          if (target !== undefined) {
            size += JSON.stringify(target).length;
            pending.push(target);
          }
        }
      } else {
        pending.push(...Object.values(current));
      }
    }
  }
  return size;
}

export interface DefinitionOperations {
  count: number;
  first: BenchOperation;
  heavy: BenchOperation & { weight: number; weighed: 'request' | 'responses' };
  /** Operations asked for by method and path, e.g. from a bug report. */
  named: BenchOperation[];
}

/**
 * The first and the heaviest operation that have an operationId, and those
 * named (`POST /v1/checkout/sessions`).
 */
export function benchOperations(
  root: JsonRecord,
  names: string[] = [],
): DefinitionOperations {
  const operations: Array<{
    operation: BenchOperation;
    request: number;
    responses: number;
  }> = [];
  const paths = isRecord(root.paths) ? root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item =
      isRecord(rawItem) && typeof rawItem.$ref === 'string'
        ? lookup(root, rawItem.$ref)
        : rawItem;
    if (!isRecord(item)) {
      continue;
    }
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) {
        continue;
      }
      const operationId =
        typeof operation.operationId === 'string'
          ? operation.operationId
          : undefined;
      if (!operationId) {
        continue;
      }
      const tags = Array.isArray(operation.tags) ? operation.tags : [];
      const bodyParameters = Array.isArray(operation.parameters)
        ? operation.parameters.filter(p => isRecord(p) && p.in === 'body')
        : [];
      operations.push({
        operation: {
          method,
          path,
          operationId,
          tag: typeof tags[0] === 'string' ? tags[0] : undefined,
          summary:
            typeof operation.summary === 'string'
              ? operation.summary
              : undefined,
        },
        request: reachableSize(
          root,
          operation.requestBody ?? (bodyParameters as Json[]),
        ),
        responses: reachableSize(root, operation.responses),
      });
    }
  }
  if (operations.length === 0) {
    throw new Error('the definition has no operation with an operationId');
  }
  const byRequest = operations.some(o => o.request > 2);
  const weigh = (o: (typeof operations)[number]) =>
    byRequest ? o.request : o.responses;
  const heavy = operations.reduce((a, b) => (weigh(b) > weigh(a) ? b : a));
  const named = names.map(name => {
    const found = operations.find(
      o => `${o.operation.method.toUpperCase()} ${o.operation.path}` === name,
    );
    if (!found) {
      throw new Error(`the definition has no operation ${name}`);
    }
    return found.operation;
  });
  return {
    count: operations.length,
    named,
    first: operations[0].operation,
    heavy: {
      ...heavy.operation,
      weight: weigh(heavy),
      weighed: byRequest ? 'request' : 'responses',
    },
  };
}
