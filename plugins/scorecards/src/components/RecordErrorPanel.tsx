import { createRecordErrorPanel } from '@readiness/portal-react';

export { isForbidden } from '@readiness/portal-react';

export const INTERNAL_RECORD_TITLE = 'This scorecard is internal';

/**
 * Why a part of the scorecard could not be read: a refusal says the
 * scorecard is internal, anything else shows the server's answer.
 */
export const RecordErrorPanel = createRecordErrorPanel({
  internalTitle: INTERNAL_RECORD_TITLE,
  record: 'scorecard',
  subject: 'this entity',
});
