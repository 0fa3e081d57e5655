import { enumKey, enumValuePointer } from '../schemaView';
import type { DiffRuleOf } from '../types';
import { formatValue, schemaLabel } from './describe';

/** Clients may send a new value; nothing they send today breaks. */
export const requestEnumValueAdded: DiffRuleOf<'schema'> = {
  id: 'request-enum-value-added',
  description: 'A parameter or request body accepts a new enum value.',
  breaking: false,
  severity: 'info',
  scope: 'schema',
  check(pair, report) {
    const oldEnum = pair.before.enum;
    const newEnum = pair.after.enum;
    const label = schemaLabel(pair);
    if (pair.origin === 'response' || !oldEnum || !newEnum) {
      return;
    }
    const known = new Set(oldEnum.values.map(enumKey));
    newEnum.values.forEach((value, i) => {
      if (!known.has(enumKey(value))) {
        report({
          message: `${label} accepts new enum value ${formatValue(value)}`,
          before: oldEnum.pointer,
          after: enumValuePointer(newEnum, i),
        });
      }
    });
  },
};
