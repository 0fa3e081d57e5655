import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  isLocalPath,
  isRelativeReference,
  readFileBeside,
} from '@readiness/local-files';
import {
  GDPR_ANNOTATION,
  ProcessingRecordFile,
  readProcessingRecord,
} from '@readiness/plugin-compliance-common';

const LOCATION_ANNOTATION = 'backstage.io/managed-by-location';
const MAX_FILE_BYTES = 256 * 1024;

/**
 * Reads the record of processing an entity's annotation names: beside its
 * catalog file on disk (never outside that file's folder), or through the
 * UrlReader relative to the catalog file's URL. A file that cannot be read
 * is a problem of the record, never an error.
 */
export async function readEntityRecordFile(
  entity: Entity,
  urlReader: UrlReaderService,
): Promise<ProcessingRecordFile & { file: string }> {
  const file = entity.metadata.annotations?.[GDPR_ANNOTATION]?.trim() ?? '';
  const location = entity.metadata.annotations?.[LOCATION_ANNOTATION] ?? '';
  const separator = location.indexOf(':');
  const locationType = location.slice(0, separator);
  const locationTarget = location.slice(separator + 1);
  let content: string;
  try {
    if (file === '') throw new Error(`${GDPR_ANNOTATION} names no file`);
    if (
      locationType === 'file' &&
      isLocalPath(locationTarget) &&
      isRelativeReference(file)
    ) {
      content = await readFileBeside(locationTarget, file, MAX_FILE_BYTES);
    } else {
      const base = locationType === 'url' ? locationTarget : undefined;
      const response = await urlReader.readUrl(new URL(file, base).toString());
      const buffer = await response.buffer();
      if (buffer.length > MAX_FILE_BYTES) {
        throw new Error(`${file} is over the limit of ${MAX_FILE_BYTES} bytes`);
      }
      content = buffer.toString('utf8');
    }
  } catch (error) {
    return {
      file,
      problems: [
        {
          file,
          path: '',
          message: `could not read the record: ${(error as Error).message}`,
        },
      ],
    };
  }
  return { file, ...readProcessingRecord({ path: file, content }) };
}
