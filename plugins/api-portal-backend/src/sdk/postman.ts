import { InputError } from '@backstage/errors';
import { convert } from 'openapi-to-postmanv2';
import {
  assertSelfContained,
  describeSpec,
} from '@readiness/plugin-api-portal-common';

/** Options of {@link toPostmanCollection}. */
export interface PostmanCollectionOptions {
  /** Group requests in folders by tag (default) or by path. */
  folders?: 'tags' | 'paths';
}

/**
 * Converts a bundled Swagger 2.0 or OpenAPI 3.0/3.1 document into a Postman
 * collection (format v2.1) with openapi-to-postmanv2. Rejects with an
 * `InputError` saying why when the document cannot be converted, or naming
 * its external `$ref`s when it is not self-contained.
 */
export async function toPostmanCollection(
  spec: object,
  options: PostmanCollectionOptions = {},
): Promise<Record<string, unknown>> {
  const { title } = describeSpec(spec);
  assertSelfContained(spec);
  // The converter annotates the object it reads, so it gets its own copy.
  const data = structuredClone(spec);
  const result = await runConvert(data, options.folders ?? 'tags');
  if (!result.ok) {
    throw new InputError(
      `Cannot convert '${title}' to a Postman collection: ${result.reason}`,
    );
  }
  return result.collection;
}

type ConvertOutcome =
  | { ok: true; collection: Record<string, unknown> }
  | { ok: false; reason: string };

function runConvert(
  data: object,
  folders: 'tags' | 'paths',
): Promise<ConvertOutcome> {
  return new Promise(resolve => {
    try {
      convert(
        { type: 'json', data },
        {
          folderStrategy: folders === 'tags' ? 'Tags' : 'Paths',
          requestNameSource: 'Fallback',
          parametersResolution: 'Example',
          includeAuthInfoInExample: false,
        },
        (error, result) => {
          if (error) {
            resolve({ ok: false, reason: error.message });
            return;
          }
          const collection = result?.output?.find(o => o.type === 'collection');
          if (!result?.result || !collection) {
            resolve({
              ok: false,
              reason: result?.reason ?? 'no collection was produced',
            });
            return;
          }
          resolve({
            ok: true,
            collection: collection.data as Record<string, unknown>,
          });
        },
      );
    } catch (error) {
      resolve({
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
