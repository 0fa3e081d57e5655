import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';

/**
 * The HTTP status a client error carries (a `ResponseError` of
 * `@backstage/errors`), if any.
 *
 * @public
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const { statusCode } = error as { statusCode: unknown };
    return typeof statusCode === 'number' ? statusCode : undefined;
  }
  return undefined;
}

/**
 * Whether the backend refused the caller (403): the record exists but is not
 * published to them.
 *
 * @public
 */
export function isForbidden(error: unknown): boolean {
  return statusOf(error) === 403;
}

/**
 * Whether the backend does not have the record (404), e.g. it has not
 * collected it yet.
 *
 * @public
 */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/**
 * Why a part of a record could not be read: a refusal (403) says the record
 * is internal, in the plugin's words; anything else shows the server's answer.
 *
 * @public
 */
export function RecordErrorPanel(props: {
  error: Error;
  /** The title of a refusal, e.g. "This reliability record is internal". */
  internalTitle: string;
  /** What was refused, e.g. "The SLOs of this entity are not published to you." */
  internalDescription: string;
}) {
  if (isForbidden(props.error)) {
    return (
      <EmptyState
        missing="info"
        title={props.internalTitle}
        description={props.internalDescription}
      />
    );
  }
  return <ResponseErrorPanel error={props.error} />;
}
