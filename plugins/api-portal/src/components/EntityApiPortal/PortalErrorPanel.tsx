import { createRecordErrorPanel } from '@readiness/portal-react';

export const INTERNAL_RECORD_TITLE = "This API's portal record is internal";

/**
 * Why a part of the portal record could not be read: a refusal says the
 * record is internal, anything else shows the server's answer.
 */
export const PortalErrorPanel = createRecordErrorPanel({
  internalTitle: INTERNAL_RECORD_TITLE,
  record: 'portal record',
  subject: 'this API',
});
