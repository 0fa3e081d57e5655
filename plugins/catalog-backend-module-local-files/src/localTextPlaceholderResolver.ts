import {
  isLocalPath,
  isRelativeReference,
  readFileBeside,
} from '@readiness/local-files';
import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';

/** Larger files are refused: a catalog placeholder is not a blob store. */
export const MAX_LOCAL_PLACEHOLDER_BYTES = 20 * 1024 * 1024;

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
  try {
    return await readFileBeside(
      params.baseUrl,
      params.value as string,
      MAX_LOCAL_PLACEHOLDER_BYTES,
    );
  } catch (error) {
    throw new Error(`Placeholder $${params.key} ${(error as Error).message}`);
  }
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
    if (isLocalPath(params.baseUrl) && isRelativeReference(params.value)) {
      return readLocalText(params);
    }
    return readUrlText(params);
  };
}
