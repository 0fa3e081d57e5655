import { admitsAnonymous, formatAlternative } from '../security';
import type { DiffRuleOf } from '../types';

/** Anonymous callers are shut out. */
export const securityRequirementAdded: DiffRuleOf<'security'> = {
  id: 'security-requirement-added',
  description:
    'Security was added where none was required (on an operation or for the whole document); anonymous calls fail with 401.',
  breaking: true,
  severity: 'error',
  scope: 'security',
  check({ operation, before, after }, report) {
    if (admitsAnonymous(before) && !admitsAnonymous(after)) {
      const now = after.alternatives.map(formatAlternative).join(' or ');
      report({
        message: operation
          ? `security requirement added: ${now}`
          : `document-wide security requirement added: ${now}`,
        before: before.pointer ?? operation?.before.pointer,
        after: after.pointer,
      });
    }
  },
};
