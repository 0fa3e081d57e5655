import type { DiffRuleOf } from '../types';
import { widenedTypes } from './schemaChecks';

/** Clients parse a type they were never told about. */
export const responsePropertyTypeChanged: DiffRuleOf<'schema'> = {
  id: 'response-property-type-changed',
  description:
    'A response schema or property may now hold a type it could not hold before (number to object, integer to number, null added, a new oneOf/anyOf member).',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    if (pair.origin === 'response') {
      widenedTypes(pair).forEach(report);
    }
  },
};
