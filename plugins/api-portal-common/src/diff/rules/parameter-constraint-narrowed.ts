import type { DiffRuleOf } from '../types';
import { narrowedConstraints } from './schemaChecks';

/** Values clients send may now fall outside the allowed range or shape. */
export const parameterConstraintNarrowed: DiffRuleOf<'schema'> = {
  id: 'parameter-constraint-narrowed',
  description:
    'A parameter schema got stricter: maxLength/maxItems lowered, minLength/minimum raised, pattern or format added or changed, an enum restriction added.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    if (pair.origin === 'parameter') {
      narrowedConstraints(pair).forEach(report);
    }
  },
};
