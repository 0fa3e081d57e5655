import type { DiffRuleOf } from '../types';

const REASONS = {
  external: 'points outside the document and is not fetched',
  missing: 'names nothing in the document',
  cycle: 'only leads to other $refs in a cycle',
  budget: 'lies past the number of $refs a document may make the reader follow',
} as const;

/** Something could not be compared because a `$ref` cannot be followed. */
export const unresolvedRef: DiffRuleOf<'reference'> = {
  id: 'unresolved-ref',
  description:
    'A $ref could not be followed (external, missing or circular), so what it names was not compared; the same $ref on both sides is not reported.',
  breaking: false,
  severity: 'warning',
  scope: 'reference',
  check({ side, unresolved }, report) {
    report({
      message: `$ref \`${unresolved.ref}\` in the ${
        side === 'before' ? 'old' : 'new'
      } version ${REASONS[unresolved.reason]}; not compared`,
      [side]: unresolved.pointer,
    });
  },
};
