import type { DiffRuleOf } from '../types';
import { schemaLabel } from './describe';
import { bothMayBeObjects } from './schemaChecks';

/** Requests leaving the property out are rejected. */
export const requestPropertyBecameRequired: DiffRuleOf<'schema'> = {
  id: 'request-property-became-required',
  description:
    'An optional request property became required; requests without it are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const { before, after } = pair;
    if (pair.origin === 'response' || !bothMayBeObjects(pair)) {
      return;
    }
    for (const [name, property] of after.properties) {
      const old = before.properties.get(name);
      if (
        old &&
        !before.required.has(name) &&
        after.required.has(name) &&
        !property.readOnly
      ) {
        report({
          message: `${schemaLabel(pair, name)} became required`,
          before: old.node.pointer,
          after: property.node.pointer,
        });
      }
    }
  },
};
