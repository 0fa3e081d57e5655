import { createHash } from 'node:crypto';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  isLocalPath,
  isRelativeReference,
  readFileBeside,
} from '@readiness/local-files';
import {
  OPENSLO_ANNOTATION,
  OpenSloSet,
  readOpenSlo,
} from '@readiness/plugin-reliability-common';
import { LRUCache } from 'lru-cache';

const LOCATION_ANNOTATION = 'backstage.io/managed-by-location';
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * OpenSLO files read before, by a hash of their paths and contents: the same
 * files are parsed and checked once. Callers must not change what they get.
 */
const parsed = new LRUCache<string, OpenSloSet>({ max: 500 });

/** Reads the OpenSLO files an entity's annotation names; problems, never throws. */
export async function readEntitySlos(
  entity: Entity,
  urlReader: UrlReaderService,
): Promise<OpenSloSet & { files: string[]; contentKey: string }> {
  const annotation = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
  const references = (annotation ?? '')
    .split(',')
    .map(r => r.trim())
    .filter(Boolean);
  const location = entity.metadata.annotations?.[LOCATION_ANNOTATION] ?? '';
  const separator = location.indexOf(':');
  const locationType = location.slice(0, separator);
  const locationTarget = location.slice(separator + 1);

  const files: Array<{ path: string; content: string }> = [];
  const unreadable: OpenSloSet['problems'] = [];
  for (const reference of references) {
    try {
      let content: string;
      if (
        locationType === 'file' &&
        isLocalPath(locationTarget) &&
        isRelativeReference(reference)
      ) {
        content = await readFileBeside(
          locationTarget,
          reference,
          MAX_FILE_BYTES,
        );
      } else {
        const base = locationType === 'url' ? locationTarget : undefined;
        const url = new URL(reference, base).toString();
        const response = await urlReader.readUrl(url);
        const buffer = await response.buffer();
        if (buffer.length > MAX_FILE_BYTES) {
          throw new Error(
            `${reference} is over the limit of ${MAX_FILE_BYTES} bytes`,
          );
        }
        content = buffer.toString('utf8');
      }
      files.push({ path: reference, content });
    } catch (error) {
      unreadable.push({
        file: reference,
        document: 0,
        path: '',
        message: `could not read the file: ${(error as Error).message}`,
      });
    }
  }
  const key = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  let set = parsed.get(key);
  if (!set) {
    set = readOpenSlo(files);
    parsed.set(key, set);
  }
  return {
    ...set,
    problems: [...unreadable, ...set.problems],
    files: references,
    // What was read, failures included: equal keys, equal SLOs
    contentKey: createHash('sha256')
      .update(key)
      .update(JSON.stringify(unreadable))
      .digest('hex'),
  };
}
