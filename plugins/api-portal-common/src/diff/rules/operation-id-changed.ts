// From the module itself: the check's source names it, and the rules' fingerprint holds that source.
import { childPointer } from '../../reader/pointer';
import type { DiffRuleOf } from '../types';
import { operationLabel } from './describe';

/** Generated SDKs name their methods after the operationId. */
export const operationIdChanged: DiffRuleOf<'operation'> = {
  id: 'operation-id-changed',
  description:
    'The operationId changed; generated SDKs rename the method, so code calling it no longer compiles.',
  breaking: true,
  severity: 'error',
  scope: 'operation',
  check({ path, method, before, after }, report) {
    if (
      before?.operationId !== undefined &&
      after?.operationId !== undefined &&
      before.operationId !== after.operationId
    ) {
      report({
        message: `operationId of ${operationLabel(
          method,
          path,
        )} changed from \`${before.operationId}\` to \`${after.operationId}\``,
        before: childPointer(before.pointer, 'operationId'),
        after: childPointer(after.pointer, 'operationId'),
      });
    }
  },
};
