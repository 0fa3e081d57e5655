/*
 * Compares schemas pairwise and runs the schema rules on every pair.
 *
 * Work is cut into units at `$ref` boundaries: a unit is one pair of
 * resolved schema nodes (old pointer, new pointer) for one origin (parameter,
 * request or response). Each unit is compared once per diff and remembers
 * its own findings and the units it leads to, so a component used by 300
 * operations is compared once, recursive schemas end where a unit repeats,
 * and an operation's findings are everything reachable from its roots.
 */
import type { ApiDocument } from './model';
import { Located, lastToken, refOf, UnresolvedRef } from '../reader';
import { RuleSet, RuleFinding } from './ruleSet';
import { pairAlternatives, viewSchema } from './schemaView';
import type { SchemaOrigin } from './types';

type Unit = {
  origin: SchemaOrigin;
  /** Named after the schema both sides reference, or after the parent. */
  schemaName?: string;
  basePath: string;
  before: Located;
  after: Located;
  findings: RuleFinding[];
  children: Set<string>;
};

/** Extends a property path: `lines` + `amount` → `lines.amount`. */
function propertyPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Compares schemas of two document versions. */
export class SchemaComparator {
  private readonly units = new Map<string, Unit>();
  private readonly queue: Unit[] = [];
  private queued = 0;
  private comparisons = 0;
  /** Set once the comparison budget ran out. */
  exhausted = false;

  constructor(
    private readonly before: ApiDocument,
    private readonly after: ApiDocument,
    private readonly rules: RuleSet,
    private readonly limits: { maxDepth: number; maxComparisons: number },
  ) {}

  /** All findings of comparing two root schemas (with what they reference). */
  compare(
    before: Located,
    after: Located,
    origin: SchemaOrigin,
  ): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const key = this.unitFor(before, after, origin, findings, {
      basePath: '',
    });
    if (key === undefined) {
      return findings;
    }
    this.drain();
    return findings.concat(this.collect(key));
  }

  /**
   * Findings for a pair of `$ref` resolutions of which at least one failed.
   * The same unresolvable `$ref` on both sides is no change.
   */
  unresolvedFindings(
    before: UnresolvedRef | undefined,
    after: UnresolvedRef | undefined,
  ): RuleFinding[] {
    if (before && after && before.ref === after.ref) {
      return [];
    }
    const findings: RuleFinding[] = [];
    if (before) {
      findings.push(
        ...this.rules.run('reference', { side: 'before', unresolved: before }),
      );
    }
    if (after) {
      findings.push(
        ...this.rules.run('reference', { side: 'after', unresolved: after }),
      );
    }
    return findings;
  }

  /** The key of the unit comparing two nodes, created and queued if new. */
  private unitFor(
    before: Located,
    after: Located,
    origin: SchemaOrigin,
    sink: RuleFinding[],
    parent: { schemaName?: string; basePath: string },
  ): string | undefined {
    const b = this.before.resolver.resolve(before);
    const a = this.after.resolver.resolve(after);
    if (!b.ok || !a.ok) {
      sink.push(
        ...this.unresolvedFindings(
          b.ok ? undefined : b.unresolved,
          a.ok ? undefined : a.unresolved,
        ),
      );
      return undefined;
    }
    const key = `${origin}\u0000${b.node.pointer}\u0000${a.node.pointer}`;
    if (!this.units.has(key)) {
      // Only a schema referenced on both sides is shared and has a name of
      // its own; a one-sided `$ref` sits at one place of its parent.
      const named = b.viaRef && a.viaRef;
      const unit: Unit = {
        origin,
        schemaName: named ? lastToken(a.node.pointer) : parent.schemaName,
        basePath: named ? '' : parent.basePath,
        before: b.node,
        after: a.node,
        findings: [],
        children: new Set(),
      };
      this.units.set(key, unit);
      this.queue.push(unit);
    }
    return key;
  }

  private drain(): void {
    while (this.queued < this.queue.length && !this.exhausted) {
      const unit = this.queue[this.queued++];
      this.compareNodes(unit, unit.before, unit.after, unit.basePath, 0);
    }
    if (this.exhausted) {
      this.queued = this.queue.length;
    }
  }

  private compareNodes(
    unit: Unit,
    before: Located,
    after: Located,
    path: string,
    depth: number,
  ): void {
    if (++this.comparisons > this.limits.maxComparisons) {
      this.exhausted = true;
      return;
    }
    const vb = viewSchema(before, this.before.resolver);
    const va = viewSchema(after, this.after.resolver);

    const refsBefore = new Set(vb.unresolved.map(u => u.ref));
    const refsAfter = new Set(va.unresolved.map(u => u.ref));
    for (const u of vb.unresolved.filter(x => !refsAfter.has(x.ref))) {
      unit.findings.push(
        ...this.rules.run('reference', { side: 'before', unresolved: u }),
      );
    }
    for (const u of va.unresolved.filter(x => !refsBefore.has(x.ref))) {
      unit.findings.push(
        ...this.rules.run('reference', { side: 'after', unresolved: u }),
      );
    }

    unit.findings.push(
      ...this.rules.run('schema', {
        origin: unit.origin,
        schemaName: unit.schemaName,
        propertyPath: path,
        before: vb,
        after: va,
      }),
    );

    for (const [name, property] of vb.properties) {
      const counterpart = va.properties.get(name);
      if (counterpart) {
        this.child(
          unit,
          property.node,
          counterpart.node,
          propertyPath(path, name),
          depth,
        );
      }
    }
    if (vb.items && va.items) {
      this.child(unit, vb.items, va.items, `${path}[]`, depth);
    }
    if (vb.additionalProperties && va.additionalProperties) {
      this.child(
        unit,
        vb.additionalProperties,
        va.additionalProperties,
        propertyPath(path, '*'),
        depth,
      );
    }
    for (const [b, a] of pairAlternatives(vb, va).matched) {
      this.child(unit, b.node, a.node, path, depth);
    }
  }

  private child(
    unit: Unit,
    before: Located,
    after: Located,
    path: string,
    depth: number,
  ): void {
    if (this.exhausted || depth + 1 > this.limits.maxDepth) {
      return;
    }
    if (refOf(before.value) === undefined && refOf(after.value) === undefined) {
      this.compareNodes(unit, before, after, path, depth + 1);
      return;
    }
    const key = this.unitFor(before, after, unit.origin, unit.findings, {
      schemaName: unit.schemaName,
      basePath: path,
    });
    if (key !== undefined) {
      unit.children.add(key);
    }
  }

  /** The findings of a unit and of every unit reachable from it. */
  private collect(rootKey: string): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>([rootKey]);
    const stack = [rootKey];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      const unit = this.units.get(key);
      if (!unit) {
        continue;
      }
      findings.push(...unit.findings);
      for (const child of unit.children) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return findings;
  }
}
