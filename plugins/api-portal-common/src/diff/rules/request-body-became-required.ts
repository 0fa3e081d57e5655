import type { DiffRuleOf } from '../types';

/** Requests without a body are now rejected. */
export const requestBodyBecameRequired: DiffRuleOf<'requestBody'> = {
  id: 'request-body-became-required',
  description:
    'The request body became required (or a required body was added); requests without one are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'requestBody',
  check({ operation, before, after }, report) {
    if (after?.required && !before?.required) {
      report({
        message: before
          ? 'request body became required'
          : 'required request body added',
        before: before?.pointer ?? operation.before.pointer,
        after: after.pointer,
      });
    }
  },
};
