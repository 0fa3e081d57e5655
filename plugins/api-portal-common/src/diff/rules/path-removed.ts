import type { DiffRuleOf } from '../types';

/** A path template disappeared with all its operations. */
export const pathRemoved: DiffRuleOf<'path'> = {
  id: 'path-removed',
  description:
    'A path and every operation on it were removed; clients calling it get 404.',
  breaking: true,
  severity: 'error',
  scope: 'path',
  check({ path, before, after }, report) {
    if (before && !after) {
      report({ message: `path ${path} removed`, before: before.pointer });
    }
  },
};
