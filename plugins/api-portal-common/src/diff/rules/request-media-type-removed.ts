import type { DiffRuleOf } from '../types';
import { findMediaType } from './describe';

/** Clients sending that content type are rejected with 415. */
export const requestMediaTypeRemoved: DiffRuleOf<'requestBody'> = {
  id: 'request-media-type-removed',
  description:
    'A request media type is no longer accepted; clients sending it get 415.',
  breaking: true,
  severity: 'error',
  scope: 'requestBody',
  check({ before, after }, report) {
    if (!before || !after) {
      return;
    }
    for (const [mediaType, model] of before.content) {
      if (!findMediaType(after.content, mediaType)) {
        report({
          message: `request media type \`${mediaType}\` no longer accepted`,
          before: model.pointer,
          after: after.pointer,
        });
      }
    }
  },
};
