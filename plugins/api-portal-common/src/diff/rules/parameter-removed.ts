import type { DiffRuleOf } from '../types';

/*
 * Breaking although an unknown query parameter is often ignored: what the
 * client meant by it (a filter, a flag) silently stops happening, and
 * validating servers reject it.
 */
/** A parameter the operation took is gone. */
export const parameterRemoved: DiffRuleOf<'parameters'> = {
  id: 'parameter-removed',
  description:
    'A parameter was removed; clients still send it and it is ignored or rejected.',
  breaking: true,
  severity: 'error',
  scope: 'parameters',
  check({ operation, pairing }, report) {
    for (const p of pairing.removed) {
      report({
        message: `${p.in} parameter \`${p.name}\` removed`,
        before: p.pointer,
        after: operation.after.pointer,
      });
    }
  },
};
