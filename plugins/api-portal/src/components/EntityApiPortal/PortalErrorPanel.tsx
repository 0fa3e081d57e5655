import { RecordErrorPanel, statusOf } from '@readiness/portal-react';

export { isForbidden } from '@readiness/portal-react';

/** A 404 means the backend has not collected the API yet. */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

export const INTERNAL_RECORD_TITLE = "This API's portal record is internal";

/**
 * Why a part of the portal record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export function PortalErrorPanel(props: { error: Error; what?: string }) {
  return (
    <RecordErrorPanel
      error={props.error}
      internalTitle={INTERNAL_RECORD_TITLE}
      internalDescription={`The ${
        props.what ?? 'portal record'
      } of this API is not published to you.`}
    />
  );
}
