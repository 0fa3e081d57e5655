/*
 * Walks two versions of an API description side by side (paths, operations,
 * parameters, request bodies, responses, schemas) and runs each rule on the
 * elements of its scope. The walk only descends into elements present in
 * both versions, so a removed path is one change, not one per operation.
 */
import { HTTP_METHODS, HttpMethod, Located } from '../reader';
import { ApiDocument, OperationModel } from './model';
import { pairParameters } from './parameters';
import { RuleSet, RuleFinding } from './ruleSet';
import { API_DIFF_RULES } from './rules';
import { findMediaType, operationLabel } from './rules/describe';
import { SchemaComparator } from './schemaComparison';
import { readSecurity } from './security';
import type {
  ApiChange,
  DiffOptions,
  OperationPair,
  SchemaOrigin,
} from './types';

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_SCHEMA_COMPARISONS = 500_000;

/** Where findings belong: the operation and, for schemas, which part of it. */
type Placement = { path?: string; method?: HttpMethod; part?: string };

/** A path key in either version or both; `path` is the one to show. */
type PathPair = { path: string; before?: string; after?: string };

/** Collects changes in walk order, once each. */
class ChangeList {
  readonly changes: ApiChange[] = [];
  private readonly seen = new Set<string>();

  add(findings: RuleFinding[], placement: Placement = {}): void {
    const { path, method, part } = placement;
    for (const { rule, report } of findings) {
      const key = [
        rule.id,
        report.before,
        report.after,
        path,
        method,
        report.before === undefined && report.after === undefined
          ? report.message
          : '',
      ].join('\u0000');
      if (this.seen.has(key)) {
        continue;
      }
      this.seen.add(key);
      const where = [
        method && path ? operationLabel(method, path) : undefined,
        part,
      ].filter(Boolean);
      this.changes.push({
        ruleId: rule.id,
        breaking: rule.breaking,
        severity: rule.severity,
        message:
          where.length > 0 && rule.scope !== 'operation'
            ? `${report.message} (${where.join(', ')})`
            : report.message,
        ...(report.before !== undefined && {
          before: { pointer: report.before },
        }),
        ...(report.after !== undefined && { after: { pointer: report.after } }),
        ...(path !== undefined && { path }),
        ...(method !== undefined && { method }),
      });
    }
  }
}

function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * Pairs path keys: the same key, else the same template with other
 * parameter names (`/a/{id}` and `/a/{accountId}`) when that is unambiguous.
 */
function pairPaths(before: string[], after: string[]): PathPair[] {
  const beforeKeys = new Set(before);
  const afterKeys = new Set(after);
  // Shapes that exactly one unmatched key has on each side may pair up.
  const loneShapes = (keys: string[], others: Set<string>) => {
    const count = new Map<string, number>();
    for (const key of keys.filter(k => !others.has(k))) {
      const shape = templateShape(key);
      count.set(shape, (count.get(shape) ?? 0) + 1);
    }
    return count;
  };
  const beforeShapes = loneShapes(before, afterKeys);
  const afterShapes = loneShapes(after, beforeKeys);
  const unmatchedAfter = new Map(
    after
      .filter(k => !beforeKeys.has(k))
      .map(k => [templateShape(k), k] as const),
  );
  const pairs: PathPair[] = [];
  for (const key of before) {
    const shape = templateShape(key);
    const twin = unmatchedAfter.get(shape);
    if (afterKeys.has(key)) {
      pairs.push({ path: key, before: key, after: key });
    } else if (
      twin !== undefined &&
      beforeShapes.get(shape) === 1 &&
      afterShapes.get(shape) === 1
    ) {
      pairs.push({ path: twin, before: key, after: twin });
      unmatchedAfter.delete(shape);
    } else {
      pairs.push({ path: key, before: key });
    }
  }
  const paired = new Set(pairs.map(p => p.after));
  for (const key of after) {
    if (!paired.has(key)) {
      pairs.push({ path: key, after: key });
    }
  }
  return pairs;
}

class DefinitionDiff {
  readonly out = new ChangeList();
  private readonly schemas: SchemaComparator;

  constructor(
    private readonly before: ApiDocument,
    private readonly after: ApiDocument,
    private readonly rules: RuleSet,
    private readonly maxSchemaComparisons: number,
    maxDepth: number,
  ) {
    this.schemas = new SchemaComparator(before, after, rules, {
      maxDepth,
      maxComparisons: maxSchemaComparisons,
    });
  }

  run(): ApiChange[] {
    const { before, after, rules, out } = this;
    out.add(rules.run('document', { before, after }));
    const globalBefore = before.globalSecurity();
    const globalAfter = after.globalSecurity();
    if (globalBefore || globalAfter) {
      out.add(
        rules.run('security', {
          before: readSecurity(globalBefore),
          after: readSecurity(globalAfter),
        }),
      );
    }
    for (const pair of pairPaths(before.pathKeys(), after.pathKeys())) {
      this.path(pair);
    }
    if (this.schemas.exhausted) {
      out.add(
        rules.run('limit', {
          maxSchemaComparisons: this.maxSchemaComparisons,
        }),
      );
    }
    return out.changes;
  }

  private path({ path, before: beforeKey, after: afterKey }: PathPair): void {
    const before =
      beforeKey === undefined ? undefined : this.before.path(beforeKey);
    const after =
      afterKey === undefined ? undefined : this.after.path(afterKey);
    this.out.add(this.rules.run('path', { path, before, after }), { path });
    if (!before || !after) {
      return;
    }
    if (before.unresolved || after.unresolved) {
      this.out.add(
        this.schemas.unresolvedFindings(before.unresolved, after.unresolved),
        { path },
      );
      return;
    }
    const methods = new Set([
      ...this.before.methods(before),
      ...this.after.methods(after),
    ]);
    for (const method of HTTP_METHODS.filter(m => methods.has(m))) {
      const b = this.before.operation(before, method);
      const a = this.after.operation(after, method);
      this.out.add(
        this.rules.run('operation', {
          path,
          method,
          before: b,
          after: a,
          beforePath: before,
          afterPath: after,
        }),
        { path, method },
      );
      if (b && a) {
        this.operation({ path, method, before: b, after: a });
      }
    }
  }

  private operation(operation: OperationPair): void {
    const { before, after, path, method } = operation;
    const placement = { path, method };
    const { rules, out } = this;

    const refsBefore = new Set(before.unresolved.map(u => u.ref));
    const refsAfter = new Set(after.unresolved.map(u => u.ref));
    for (const unresolved of before.unresolved) {
      if (!refsAfter.has(unresolved.ref)) {
        out.add(
          rules.run('reference', { side: 'before', unresolved }),
          placement,
        );
      }
    }
    for (const unresolved of after.unresolved) {
      if (!refsBefore.has(unresolved.ref)) {
        out.add(
          rules.run('reference', { side: 'after', unresolved }),
          placement,
        );
      }
    }

    const pairing = pairParameters(before.parameters, after.parameters);
    out.add(rules.run('parameters', { operation, pairing }), placement);
    for (const p of pairing.matched) {
      this.schema(p.before.schema, p.after.schema, 'parameter', {
        ...placement,
        part: `parameter ${p.after.name}`,
      });
    }

    if (before.security || after.security) {
      out.add(
        rules.run('security', {
          operation,
          before: this.effectiveSecurity(this.before, before),
          after: this.effectiveSecurity(this.after, after),
        }),
        placement,
      );
    }

    out.add(
      rules.run('requestBody', {
        operation,
        before: before.requestBody,
        after: after.requestBody,
      }),
      placement,
    );
    if (before.requestBody && after.requestBody) {
      for (const [mediaType, b] of before.requestBody.content) {
        const a = findMediaType(after.requestBody.content, mediaType);
        this.schema(b.schema, a?.schema, 'request', {
          ...placement,
          part: `request body ${mediaType}`,
        });
      }
    }

    const statuses = new Set([
      ...before.responses.keys(),
      ...after.responses.keys(),
    ]);
    for (const status of statuses) {
      const b = before.responses.get(status);
      const a = after.responses.get(status);
      out.add(
        rules.run('response', { operation, status, before: b, after: a }),
        placement,
      );
      if (!b || !a) {
        continue;
      }
      if (b.unresolved || a.unresolved) {
        out.add(
          this.schemas.unresolvedFindings(b.unresolved, a.unresolved),
          placement,
        );
        continue;
      }
      for (const [mediaType, bm] of b.content) {
        const am = findMediaType(a.content, mediaType);
        this.schema(bm.schema, am?.schema, 'response', {
          ...placement,
          part: `response ${status} ${mediaType}`,
        });
      }
    }
  }

  private effectiveSecurity(document: ApiDocument, operation: OperationModel) {
    return readSecurity(operation.security ?? document.globalSecurity());
  }

  private schema(
    before: Located | undefined,
    after: Located | undefined,
    origin: SchemaOrigin,
    placement: Placement,
  ): void {
    if (before && after) {
      this.out.add(this.schemas.compare(before, after, origin), placement);
    }
  }
}

/**
 * Compares two versions of an API description (parsed OpenAPI 3.0, 3.1 or
 * Swagger 2.0 documents, as plain objects) and lists what changed, with
 * whether each change breaks existing clients.
 *
 * Local `$ref`s are followed lazily; external ones are never fetched, and
 * a `$ref` that cannot be followed is reported (`unresolved-ref`) instead of
 * failing. Anything that is not a document reads as an empty one.
 *
 * @public
 */
export function diffApiDefinitions(
  before: unknown,
  after: unknown,
  options?: DiffOptions,
): ApiChange[] {
  return new DefinitionDiff(
    ApiDocument.read(before),
    ApiDocument.read(after),
    new RuleSet(options?.rules ?? API_DIFF_RULES),
    options?.maxSchemaComparisons ?? DEFAULT_MAX_SCHEMA_COMPARISONS,
    options?.maxDepth ?? DEFAULT_MAX_DEPTH,
  ).run();
}
