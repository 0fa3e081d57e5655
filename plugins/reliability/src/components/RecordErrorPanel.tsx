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

export const INTERNAL_RECORD_TITLE = 'This reliability record is internal';

/**
 * Why a part of the reliability record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export function RecordErrorPanel(props: { error: Error; what?: string }) {
  if (isForbidden(props.error)) {
    return (
      <EmptyState
        missing="info"
        title={INTERNAL_RECORD_TITLE}
        description={`The ${
          props.what ?? 'reliability record'
        } of this entity is not published to you.`}
      />
    );
  }
  return <ResponseErrorPanel error={props.error} />;
}
