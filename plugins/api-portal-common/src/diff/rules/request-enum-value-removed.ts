import { enumKey, enumValuePointer } from '../schemaView';
import type { DiffRuleOf } from '../types';
import { formatValue, schemaLabel } from './describe';

/** Clients sending the value are rejected. */
export const requestEnumValueRemoved: DiffRuleOf<'schema'> = {
  id: 'request-enum-value-removed',
  description:
    'An enum value is no longer accepted in a parameter or request body; clients sending it are rejected.',
  breaking: true,
  severity: 'error',
  scope: 'schema',
  check(pair, report) {
    const oldEnum = pair.before.enum;
    const newEnum = pair.after.enum;
    const label = schemaLabel(pair);
    if (pair.origin === 'response' || !oldEnum || !newEnum) {
      return;
    }
    const kept = new Set(newEnum.values.map(enumKey));
    oldEnum.values.forEach((value, i) => {
      if (!kept.has(enumKey(value))) {
        report({
          message: `${label} no longer accepts enum value ${formatValue(
            value,
          )}`,
          before: enumValuePointer(oldEnum, i),
          after: newEnum.pointer,
        });
      }
    });
  },
};
