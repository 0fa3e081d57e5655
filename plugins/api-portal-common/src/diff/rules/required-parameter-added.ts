import type { DiffRuleOf } from '../types';

/** Existing requests lack the new parameter. */
export const requiredParameterAdded: DiffRuleOf<'parameters'> = {
  id: 'required-parameter-added',
  description:
    'A new required parameter was added; existing requests lack it and are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'parameters',
  check({ operation, pairing }, report) {
    for (const p of pairing.added) {
      if (p.required) {
        report({
          message: `new required ${p.in} parameter \`${p.name}\``,
          before: operation.before.pointer,
          after: p.pointer,
        });
      }
    }
  },
};
