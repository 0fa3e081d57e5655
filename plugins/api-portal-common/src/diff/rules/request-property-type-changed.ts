import type { DiffRuleOf } from '../types';
import { narrowedTypes } from './schemaChecks';

/** The request body no longer accepts what clients send. */
export const requestPropertyTypeChanged: DiffRuleOf<'schema'> = {
  id: 'request-property-type-changed',
  description:
    'A request body schema or property no longer accepts a type it accepted (number to object, number to integer, null dropped, a oneOf/anyOf member removed).',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    if (pair.origin === 'request') {
      narrowedTypes(pair).forEach(report);
    }
  },
};
