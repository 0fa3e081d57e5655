import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';

/** The backend refuses callers who may not read the record with 403. */
export function isForbidden(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    error.statusCode === 403
  );
}

/** A 404 means the backend has not collected the API yet. */
export function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    error.statusCode === 404
  );
}

export const INTERNAL_RECORD_TITLE = "This API's portal record is internal";

/**
 * Why a part of the portal record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export function PortalErrorPanel(props: { error: Error; what?: string }) {
  if (isForbidden(props.error)) {
    return (
      <EmptyState
        missing="info"
        title={INTERNAL_RECORD_TITLE}
        description={`The ${
          props.what ?? 'portal record'
        } of this API is not published to you.`}
      />
    );
  }
  return <ResponseErrorPanel error={props.error} />;
}
