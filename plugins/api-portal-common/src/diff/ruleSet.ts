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

/**
 * The version of the comparison around the rules: how documents are read,
 * paired and walked. Raise it with any change outside `rules/` that changes
 * what a diff reports, so diffs kept by a backend are made again.
 *
 * @public
 */
export const API_DIFF_ENGINE_VERSION = 1;

/**
 * What decides the changes a rule set reports, as plain data: the engine's
 * version and, per rule, its metadata and the source of its check. Kept
 * diffs name a digest of it, so a new or corrected rule makes them again.
 *
 * @public
 */
export function diffRulesFingerprint(rules: readonly DiffRule[]) {
  return {
    engine: API_DIFF_ENGINE_VERSION,
    rules: rules.map(rule => ({
      id: rule.id,
      description: rule.description,
      breaking: rule.breaking,
      severity: rule.severity,
      scope: rule.scope,
      check: rule.check.toString(),
    })),
  };
}
