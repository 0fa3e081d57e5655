import type { DiffRuleOf } from '../types';

/** The comparison stopped at its budget; later schemas were not compared. */
export const diffIncomplete: DiffRuleOf<'limit'> = {
  id: 'diff-incomplete',
  description:
    'The schema comparison reached its budget (maxSchemaComparisons) and stopped; the result may miss changes.',
  breaking: false,
  severity: 'warning',
  scope: 'limit',
  check({ maxSchemaComparisons }, report) {
    report({
      message: `schema comparison stopped after ${maxSchemaComparisons} schema pairs; changes may be missing`,
    });
  },
};
