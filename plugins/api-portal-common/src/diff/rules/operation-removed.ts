import type { DiffRuleOf } from '../types';
import { operationLabel } from './describe';

/** An operation disappeared from a path that is still there. */
export const operationRemoved: DiffRuleOf<'operation'> = {
  id: 'operation-removed',
  description:
    'An operation (a method on a path that still exists) was removed; clients get 405 or 404.',
  breaking: true,
  severity: 'error',
  scope: 'operation',
  check({ path, method, before, after, afterPath }, report) {
    if (before && !after) {
      report({
        message: `operation ${operationLabel(method, path)} removed`,
        before: before.pointer,
        after: afterPath.item?.pointer ?? afterPath.pointer,
      });
    }
  },
};
