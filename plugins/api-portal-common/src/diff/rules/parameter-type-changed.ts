import type { DiffRuleOf } from '../types';
import { narrowedTypes } from './schemaChecks';

/** The parameter no longer accepts the kind of value clients send. */
export const parameterTypeChanged: DiffRuleOf<'schema'> = {
  id: 'parameter-type-changed',
  description:
    'A parameter schema no longer accepts a type it accepted (string to integer, number to integer, null dropped, a oneOf/anyOf member removed).',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    if (pair.origin === 'parameter') {
      narrowedTypes(pair).forEach(report);
    }
  },
};
