// From the module itself: the check's source names it, and the rules' fingerprint holds that source.
import { childPointer } from '../../reader/pointer';
import type { DiffRuleOf } from '../types';
import { coveredByRange, isSuccessStatus } from './statusClasses';

/*
 * Not breaking: a client that handles an error it no longer gets keeps
 * working. Worth a look, since the error may now come back under another code.
 */
/** An error response is no longer documented. */
export const responseErrorStatusRemoved: DiffRuleOf<'response'> = {
  id: 'response-error-status-removed',
  description:
    'An error (4xx, 5xx) or default response is no longer documented; clients handling it keep working.',
  breaking: false,
  severity: 'warning',
  scope: 'response',
  check({ operation, status, before, after }, report) {
    if (
      before &&
      !after &&
      !isSuccessStatus(status) &&
      !coveredByRange(status, operation.after.responses.keys())
    ) {
      report({
        message: `response ${status} removed`,
        before: before.pointer,
        after: childPointer(operation.after.pointer, 'responses'),
      });
    }
  },
};
