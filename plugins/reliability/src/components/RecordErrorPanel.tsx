import { RecordErrorPanel as SharedRecordErrorPanel } from '@readiness/portal-react';

export { isForbidden } from '@readiness/portal-react';

export const INTERNAL_RECORD_TITLE = 'This reliability record is internal';

/**
 * Why a part of the reliability record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export function RecordErrorPanel(props: { error: Error; what?: string }) {
  return (
    <SharedRecordErrorPanel
      error={props.error}
      internalTitle={INTERNAL_RECORD_TITLE}
      internalDescription={`The ${
        props.what ?? 'reliability record'
      } of this entity is not published to you.`}
    />
  );
}
