import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/*
 * Not breaking while the schema stays open: requests that still carry the
 * property remain valid, though the server now ignores it. When the new
 * schema is closed, `request-property-no-longer-allowed` reports it instead.
 */
/** The server stops reading a property clients may still send. */
export const requestPropertyRemoved: DiffRuleOf<'schema'> = {
  id: 'request-property-removed',
  description:
    'A request property was removed while the schema still admits unknown properties; requests stay valid but the value is ignored.',
  breaking: false,
  severity: 'warning',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (pair.origin === 'response' || after.closed || !bothMayBeObjects(pair)) {
      return;
    }
    for (const [name, property] of before.properties) {
      if (!after.properties.has(name) && !property.readOnly) {
        report({
          message: `${schemaLabel(pair, name)} removed (now ignored)`,
          before: property.node.pointer,
          after: after.pointer,
        });
      }
    }
  },
};
