import type { DiffRuleOf } from '../types';

/** A new optional parameter changes nothing for existing clients. */
export const optionalParameterAdded: DiffRuleOf<'parameters'> = {
  id: 'optional-parameter-added',
  description: 'A new optional parameter was added.',
  breaking: false,
  severity: 'info',
  scope: 'parameters',
  check({ operation, pairing }, report) {
    for (const p of pairing.added) {
      if (!p.required) {
        report({
          message: `new optional ${p.in} parameter \`${p.name}\``,
          before: operation.before.pointer,
          after: p.pointer,
        });
      }
    }
  },
};
