import { createRecordErrorPanel } from '@readiness/portal-react';

export { isForbidden } from '@readiness/portal-react';

export const INTERNAL_RECORD_TITLE = 'This compliance record is internal';

/**
 * Why a part of the compliance record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export const RecordErrorPanel = createRecordErrorPanel({
  internalTitle: INTERNAL_RECORD_TITLE,
  record: 'compliance record',
  subject: 'this entity',
});
