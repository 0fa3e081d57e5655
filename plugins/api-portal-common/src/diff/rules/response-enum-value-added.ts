import { enumKey, enumValuePointer } from '../schemaView';
import type { DiffRuleOf } from '../types';
import { formatValue, schemaLabel } from './describe';

/*
 * Breaking by our decision: generated SDKs (ours included) decode enums
 * strictly and exhaustive switches in client code have no branch for the
 * new value. Tolerant clients are unaffected.
 */
/** A response may carry a value clients do not know. */
export const responseEnumValueAdded: DiffRuleOf<'schema'> = {
  id: 'response-enum-value-added',
  description:
    'A response may carry a new enum value (or any value, when the enum was dropped); strict clients and generated SDKs fail on it.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const oldEnum = pair.before.enum;
    const newEnum = pair.after.enum;
    const label = schemaLabel(pair);
    if (pair.origin !== 'response' || !oldEnum) {
      return;
    }
    if (!newEnum) {
      report({
        message: `${label} is no longer restricted to ${oldEnum.values
          .map(formatValue)
          .join(', ')}`,
        before: oldEnum.pointer,
        after: pair.after.pointer,
      });
      return;
    }
    const known = new Set(oldEnum.values.map(enumKey));
    newEnum.values.forEach((value, i) => {
      if (!known.has(enumKey(value))) {
        report({
          message: `${label} may return new enum value ${formatValue(value)}`,
          before: oldEnum.pointer,
          after: enumValuePointer(newEnum, i),
        });
      }
    });
  },
};
