import type { DiffRuleOf } from '../types';

/** Credentials of that kind are no longer accepted anywhere. */
export const securitySchemeRemoved: DiffRuleOf<'document'> = {
  id: 'security-scheme-removed',
  description:
    'A security scheme was removed; clients authenticating with it must change.',
  breaking: true,
  severity: 'error',
  scope: 'document',
  check({ before, after }, report) {
    const remaining = after.securitySchemes();
    for (const [name, scheme] of before.securitySchemes()) {
      if (!remaining.has(name)) {
        report({
          message: `security scheme \`${name}\` removed`,
          before: scheme.pointer,
          after: after.isSwagger
            ? '/securityDefinitions'
            : '/components/securitySchemes',
        });
      }
    }
  },
};
