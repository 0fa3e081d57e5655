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

/**
 * The props of a family's record error panel: the error, and what part of
 * the record was asked for (e.g. "SLOs").
 *
 * @public
 */
export type FamilyRecordErrorPanelProps = { error: Error; what?: string };

/**
 * A family's {@link RecordErrorPanel}: a refusal is worded once for the whole
 * family ("This reliability record is internal", "The SLOs of this entity are
 * not published to you."), so every card of it says the same.
 *
 * @public
 */
export function createRecordErrorPanel(wording: {
  /** The title of a refusal. */
  internalTitle: string;
  /** What a refused part is called when a card does not say, e.g. "reliability record". */
  record: string;
  /** Whose record it is in the description, e.g. "this entity". */
  subject: string;
}): (props: FamilyRecordErrorPanelProps) => JSX.Element {
  return function FamilyRecordErrorPanel(props: FamilyRecordErrorPanelProps) {
    return (
      <RecordErrorPanel
        error={props.error}
        internalTitle={wording.internalTitle}
        internalDescription={`The ${props.what ?? wording.record} of ${
          wording.subject
        } is not published to you.`}
      />
    );
  };
}
