// From the module itself: the check's source names it, and the rules' fingerprint holds that source.
import { childPointer } from '../../reader/pointer';
import type { DiffRuleOf } from '../types';
import { operationLabel } from './describe';

/** Deprecation announces a removal but changes nothing yet. */
export const operationDeprecated: DiffRuleOf<'operation'> = {
  id: 'operation-deprecated',
  description:
    'An operation was marked deprecated; it still works, but clients should move off it.',
  breaking: false,
  severity: 'info',
  scope: 'operation',
  check({ path, method, before, after }, report) {
    if (before && after && !before.deprecated && after.deprecated) {
      report({
        message: `operation ${operationLabel(method, path)} deprecated`,
        before: before.pointer,
        after: childPointer(after.pointer, 'deprecated'),
      });
    }
  },
};
