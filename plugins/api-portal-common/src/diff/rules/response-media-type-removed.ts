import type { DiffRuleOf } from '../types';
import { findMediaType } from './describe';

/** Clients asking for that content type get 406 or something unparsable. */
export const responseMediaTypeRemoved: DiffRuleOf<'response'> = {
  id: 'response-media-type-removed',
  description:
    'A response media type is no longer produced; clients that accept only it fail.',
  breaking: true,
  severity: 'error',
  scope: 'response',
  check({ status, before, after }, report) {
    if (!before || !after) {
      return;
    }
    for (const [mediaType, model] of before.content) {
      if (!findMediaType(after.content, mediaType)) {
        report({
          message: `response ${status} media type \`${mediaType}\` removed`,
          before: model.pointer,
          after: after.pointer,
        });
      }
    }
  },
};
