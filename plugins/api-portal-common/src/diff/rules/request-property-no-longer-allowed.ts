import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/** Requests still carrying the property fail validation. */
export const requestPropertyNoLongerAllowed: DiffRuleOf<'schema'> = {
  id: 'request-property-no-longer-allowed',
  description:
    'A request property was removed from a schema that rejects unknown properties (additionalProperties: false); requests still sending it are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (
      pair.origin === 'response' ||
      !after.closed ||
      !bothMayBeObjects(pair)
    ) {
      return;
    }
    for (const [name, property] of before.properties) {
      if (!after.properties.has(name) && !property.readOnly) {
        report({
          message: `${schemaLabel(pair, name)} removed and no longer allowed`,
          before: property.node.pointer,
          after: after.pointer,
        });
      }
    }
  },
};
