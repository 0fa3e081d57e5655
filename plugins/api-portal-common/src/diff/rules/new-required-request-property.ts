import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/** Existing requests lack the property. */
export const newRequiredRequestProperty: DiffRuleOf<'schema'> = {
  id: 'new-required-request-property',
  description:
    'A new required property was added to a request body; existing requests lack it and are rejected (readOnly properties do not count).',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (pair.origin === 'response' || !bothMayBeObjects(pair)) {
      return;
    }
    for (const [name, property] of after.properties) {
      if (
        !before.properties.has(name) &&
        after.required.has(name) &&
        !property.readOnly
      ) {
        report({
          message: `new required ${schemaLabel(pair, name)}`,
          before: before.pointer,
          after: property.node.pointer,
        });
      }
    }
  },
};
