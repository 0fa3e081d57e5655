// From the module itself: the check's source names it, and the rules' fingerprint holds that source.
import { childPointer } from '../../reader/pointer';
import type { DiffRuleOf } from '../types';
import { coveredByRange, isSuccessStatus } from './statusClasses';

/** Clients handle the success responses they were promised. */
export const responseSuccessStatusRemoved: DiffRuleOf<'response'> = {
  id: 'response-success-status-removed',
  description:
    'A success (2xx) or redirect (3xx) response was removed; clients expecting it get something else.',
  breaking: true,
  severity: 'error',
  scope: 'response',
  check({ operation, status, before, after }, report) {
    if (
      before &&
      !after &&
      isSuccessStatus(status) &&
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
