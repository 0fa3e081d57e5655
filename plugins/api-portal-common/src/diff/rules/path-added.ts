import type { DiffRuleOf } from '../types';

/** A new path template. */
export const pathAdded: DiffRuleOf<'path'> = {
  id: 'path-added',
  description: 'A new path was added.',
  breaking: false,
  severity: 'info',
  scope: 'path',
  check({ path, before, after }, report) {
    if (after && !before) {
      report({ message: `path ${path} added`, after: after.pointer });
    }
  },
};
