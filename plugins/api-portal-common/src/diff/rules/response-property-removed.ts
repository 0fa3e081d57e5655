import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/** Clients reading the property get nothing. */
export const responsePropertyRemoved: DiffRuleOf<'schema'> = {
  id: 'response-property-removed',
  description:
    'A response property was removed; clients reading it get undefined (writeOnly properties do not count).',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (pair.origin !== 'response' || !bothMayBeObjects(pair)) {
      return;
    }
    for (const [name, property] of before.properties) {
      if (!after.properties.has(name) && !property.writeOnly) {
        report({
          message: `${schemaLabel(pair, name)} removed`,
          before: property.node.pointer,
          after: after.pointer,
        });
      }
    }
  },
};
