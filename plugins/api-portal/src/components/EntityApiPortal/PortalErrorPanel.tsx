import { RecordErrorPanel } from '@readiness/portal-react';

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
