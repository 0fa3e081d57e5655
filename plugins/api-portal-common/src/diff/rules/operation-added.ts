import type { DiffRuleOf } from '../types';
import { operationLabel } from './describe';

/** A new operation on an existing path. */
export const operationAdded: DiffRuleOf<'operation'> = {
  id: 'operation-added',
  description: 'A new operation was added to an existing path.',
  breaking: false,
  severity: 'info',
  scope: 'operation',
  check({ path, method, before, after, beforePath }, report) {
    if (after && !before) {
      report({
        message: `operation ${operationLabel(method, path)} added`,
        before: beforePath.item?.pointer ?? beforePath.pointer,
        after: after.pointer,
      });
    }
  },
};
