import { createRecordErrorPanel } from '@readiness/portal-react';

export { isForbidden } from '@readiness/portal-react';

export const INTERNAL_RECORD_TITLE = 'This reliability record is internal';

/**
 * Why a part of the reliability record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export const RecordErrorPanel = createRecordErrorPanel({
  internalTitle: INTERNAL_RECORD_TITLE,
  record: 'reliability record',
  subject: 'this entity',
});
