import { RecordErrorPanel } from '@readiness/portal-react';

export const MATRIX_INTERNAL_TITLE = 'Compliance records are internal';

/** Why the matrix could not be read: a refusal says the records are internal. */
export function MatrixErrorPanel(props: { error: Error }) {
  return (
    <RecordErrorPanel
      error={props.error}
      internalTitle={MATRIX_INTERNAL_TITLE}
      internalDescription="The compliance matrix is shown only to people who may read compliance records."
    />
  );
}
