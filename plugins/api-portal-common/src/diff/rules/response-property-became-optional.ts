import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/** Clients that rely on the property being present may fail. */
export const responsePropertyBecameOptional: DiffRuleOf<'schema'> = {
  id: 'response-property-became-optional',
  description:
    'A required response property became optional; clients that rely on it being present may fail.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (pair.origin !== 'response' || !bothMayBeObjects(pair)) {
      return;
    }
    for (const [name, property] of after.properties) {
      const old = before.properties.get(name);
      if (
        old &&
        before.required.has(name) &&
        !after.required.has(name) &&
        !property.writeOnly
      ) {
        report({
          message: `${schemaLabel(pair, name)} no longer required`,
          before: old.node.pointer,
          after: property.node.pointer,
        });
      }
    }
  },
};
