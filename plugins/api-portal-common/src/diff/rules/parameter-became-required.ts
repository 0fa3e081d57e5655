// From the module itself: the check's source names it, and the rules' fingerprint holds that source.
import { childPointer } from '../../reader/pointer';
import type { DiffRuleOf } from '../types';

/** Clients that left the parameter out are now rejected. */
export const parameterBecameRequired: DiffRuleOf<'parameters'> = {
  id: 'parameter-became-required',
  description:
    'An optional parameter became required; requests without it are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'parameters',
  check({ pairing }, report) {
    for (const { before, after } of pairing.matched) {
      if (!before.required && after.required) {
        report({
          message: `${after.in} parameter \`${after.name}\` became required`,
          before: before.pointer,
          after: childPointer(after.definition, 'required'),
        });
      }
    }
  },
};
