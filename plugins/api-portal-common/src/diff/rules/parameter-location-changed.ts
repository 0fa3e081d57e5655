import type { DiffRuleOf } from '../types';

/** Same name, another `in`: a query parameter that became a header, … */
export const parameterLocationChanged: DiffRuleOf<'parameters'> = {
  id: 'parameter-location-changed',
  description:
    'A parameter moved to another location (for example from query to header); clients send it in the old place.',
  breaking: true,
  severity: 'error',
  scope: 'parameters',
  check({ pairing }, report) {
    for (const { before, after } of pairing.relocated) {
      report({
        message: `parameter \`${after.name}\` moved from ${before.in} to ${after.in}`,
        before: before.pointer,
        after: after.pointer,
      });
    }
  },
};
