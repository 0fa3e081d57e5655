import { SpecRevision } from '@readiness/plugin-api-portal-common';

/** The version of a revision without `info.version`, in changelogs, file names and counts. */
export const UNVERSIONED = 'unversioned';

/**
 * Whether a revision is a readable OpenAPI or Swagger text: what the diff
 * rules compare and what SDKs are built from.
 */
export function isReadableOpenApi(revision: SpecRevision): boolean {
  return (
    revision.status === 'ok' &&
    (revision.format === 'openapi' || revision.format === 'swagger')
  );
}
