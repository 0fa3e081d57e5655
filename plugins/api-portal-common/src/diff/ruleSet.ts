import type {
  DiffRule,
  DiffRuleContexts,
  DiffRuleOf,
  DiffRuleScope,
  RuleReport,
} from './types';

/** A rule's report, before it is placed in an operation. */
export type RuleFinding = { rule: DiffRule; report: RuleReport };

/** Rules grouped by scope. */
export class RuleSet {
  private readonly byScope = new Map<DiffRuleScope, DiffRule[]>();

  constructor(rules: readonly DiffRule[]) {
    for (const rule of rules) {
      const list = this.byScope.get(rule.scope) ?? [];
      list.push(rule);
      this.byScope.set(rule.scope, list);
    }
  }

  /** Runs every rule of a scope on one context. */
  run<S extends DiffRuleScope>(
    scope: S,
    context: DiffRuleContexts[S],
  ): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const rule of this.byScope.get(scope) ?? []) {
      // Grouping by `scope` guarantees the rule takes this context.
      (rule as DiffRuleOf<S>).check(context, report =>
        findings.push({ rule, report }),
      );
    }
    return findings;
  }
}
