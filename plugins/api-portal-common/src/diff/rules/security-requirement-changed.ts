import {
  admitsAnonymous,
  formatAlternative,
  lostAlternatives,
} from '../security';
import type { DiffRuleOf } from '../types';

/** Credentials that used to work no longer satisfy any alternative. */
export const securityRequirementChanged: DiffRuleOf<'security'> = {
  id: 'security-requirement-changed',
  description:
    'Security requirements changed so that credentials that used to work (a scheme or its scopes) no longer suffice; on an operation or for the whole document.',
  breaking: true,
  severity: 'error',
  scope: 'security',
  check({ operation, before, after }, report) {
    if (admitsAnonymous(before)) {
      return;
    }
    const lost = lostAlternatives(before, after);
    if (lost.length > 0) {
      const was = lost.map(formatAlternative).join(' or ');
      const now = after.alternatives.map(formatAlternative).join(' or ');
      report({
        message: `${
          operation ? '' : 'document-wide '
        }security requirement changed: ${was} no longer suffices, now ${now}`,
        before: before.pointer,
        after: after.pointer ?? operation?.after.pointer,
      });
    }
  },
};
