import type { DiffRuleOf } from '../types';
import { narrowedConstraints } from './schemaChecks';

/** Request values that passed validation may now fail it. */
export const requestConstraintNarrowed: DiffRuleOf<'schema'> = {
  id: 'request-constraint-narrowed',
  description:
    'A request body schema or property got stricter: maxLength/maxItems lowered, minLength/minimum raised, pattern or format added or changed, multipleOf, uniqueItems or an enum restriction added.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    if (pair.origin === 'request') {
      narrowedConstraints(pair).forEach(report);
    }
  },
};
