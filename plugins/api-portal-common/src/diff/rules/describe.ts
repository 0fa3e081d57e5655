/* Wording shared by the rules, so every message reads the same way. */
import type { HttpMethod } from '../../reader';
import type { MediaTypeModel } from '../model';
import type { SchemaPair } from '../types';

/** `GET /accounts/{id}` */
export function operationLabel(method: HttpMethod, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** A value as it appears in JSON, for messages. */
export function formatValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

const NOUNS = {
  parameter: 'parameter',
  request: 'request',
  response: 'response',
} as const;

/**
 * Names a schema pair (or one of its properties) for a message:
 * `response property \`JournalEntry.postedAt\``, `request schema
 * \`Reversal\``, `request body`.
 */
export function schemaLabel(pair: SchemaPair, property?: string): string {
  let path = pair.propertyPath;
  if (property !== undefined) {
    path = path === '' ? property : `${path}.${property}`;
  }
  const noun = NOUNS[pair.origin];
  let full = pair.schemaName ?? '';
  if (path !== '') {
    full =
      full === '' || path.startsWith('[')
        ? `${full}${path}`
        : `${full}.${path}`;
  }
  if (path !== '') {
    return `${noun} property \`${full}\``;
  }
  if (full !== '') {
    return `${noun} schema \`${full}\``;
  }
  return pair.origin === 'parameter' ? 'parameter' : `${noun} body`;
}

function essence(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}

/**
 * The media type of `content` that stands for `mediaType`: the same one,
 * the same one without parameters, or a wildcard covering it.
 */
export function findMediaType(
  content: ReadonlyMap<string, MediaTypeModel>,
  mediaType: string,
): MediaTypeModel | undefined {
  const exact = content.get(mediaType);
  if (exact) {
    return exact;
  }
  const wanted = essence(mediaType);
  const [type] = wanted.split('/');
  let wildcard: MediaTypeModel | undefined;
  for (const [candidate, model] of content) {
    const e = essence(candidate);
    if (e === wanted) {
      return model;
    }
    if (e === '*/*' || e === `${type}/*`) {
      wildcard ??= model;
    }
  }
  return wildcard;
}
