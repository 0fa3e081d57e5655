import type { DiffRuleOf } from '../types';

/** See `pairParameters` for when a removal plus an addition is a rename. */
export const parameterRenamed: DiffRuleOf<'parameters'> = {
  id: 'parameter-renamed',
  description:
    'A parameter was renamed (same location and position, another name); clients send the old name.',
  breaking: true,
  severity: 'error',
  scope: 'parameters',
  check({ pairing }, report) {
    for (const { before, after } of pairing.renamed) {
      report({
        message: `${before.in} parameter \`${before.name}\` renamed to \`${after.name}\``,
        before: before.pointer,
        after: after.pointer,
      });
    }
  },
};
