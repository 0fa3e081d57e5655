import fs from 'node:fs/promises';
import path from 'node:path';
import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';

/** Larger files are refused: a catalog placeholder is not a blob store. */
export const MAX_LOCAL_PLACEHOLDER_BYTES = 20 * 1024 * 1024;

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isLocalFileLocation(baseUrl: string): boolean {
  return path.isAbsolute(baseUrl) && !URL_SCHEME.test(baseUrl);
}

async function readUrlText(params: PlaceholderResolverParams) {
  const { key, value, baseUrl } = params;
  let url: string;
  try {
    url = params.resolveUrl(value as string, baseUrl);
  } catch (error) {
    throw new Error(
      `Placeholder $${key} could not form a URL out of ${baseUrl} and ${value}, ${error}`,
    );
  }
  let data: Buffer;
  try {
    data = await params.read(url);
  } catch (error) {
    throw new Error(
      `Placeholder $${key} could not read location ${value}, ${error}`,
    );
  }
  params.emit(processingResult.refresh(`url:${url}`));
  return data.toString('utf-8');
}

async function readLocalText(params: PlaceholderResolverParams) {
  const { key, value, baseUrl } = params;
  const folder = path.dirname(baseUrl);
  const wanted = path.resolve(folder, value as string);
  let realFolder: string;
  let realTarget: string;
  try {
    realFolder = await fs.realpath(folder);
    realTarget = await fs.realpath(wanted);
  } catch {
    throw new Error(
      `Placeholder $${key} could not read ${value}: no such file next to ${baseUrl}`,
    );
  }
  // Symlinks and ../ cannot reach outside the catalog file's own folder
  if (!realTarget.startsWith(realFolder + path.sep)) {
    throw new Error(
      `Placeholder $${key} may only read files in the folder of ${baseUrl} or below; ${value} is outside it`,
    );
  }
  const stat = await fs.stat(realTarget);
  if (!stat.isFile()) {
    throw new Error(`Placeholder $${key} target ${value} is not a file`);
  }
  if (stat.size > MAX_LOCAL_PLACEHOLDER_BYTES) {
    throw new Error(
      `Placeholder $${key} target ${value} is ${stat.size} bytes, over the limit of ${MAX_LOCAL_PLACEHOLDER_BYTES}`,
    );
  }
  return fs.readFile(realTarget, 'utf-8');
}

/**
 * A `$text` resolver that reads relative paths of catalog files on disk
 * directly, confined to the catalog file's folder, and reads everything else
 * through the URL reader like the built-in resolver.
 *
 * @public
 */
export function createLocalTextPlaceholderResolver(): PlaceholderResolver {
  return async params => {
    if (typeof params.value !== 'string') {
      throw new Error(
        `Placeholder $${params.key} expected a string value parameter, in the form of an absolute URL or a relative path`,
      );
    }
    if (isLocalFileLocation(params.baseUrl) && !URL_SCHEME.test(params.value)) {
      return readLocalText(params);
    }
    return readUrlText(params);
  };
}
