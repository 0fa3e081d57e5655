/*
 * Loads check files: YAML parsed with line positions, the structure checked
 * by the zod schema, then every fact a rule names checked against the fact
 * catalogue. A file with any problem loads nothing and the others load;
 * every problem names its file, JSON pointer and line.
 */
import { HumanDuration } from '@backstage/types';
import {
  DataPath,
  describeValue,
  FileProblems,
  parseDataFile,
} from '@readiness/data-files';
import { FactDefinition } from '../facts/types';
import {
  idOfPath,
  isIsoInstant,
  nearestId,
  reportSchemaIssue,
} from '../dataFiles';
import {
  CHECK_ID,
  checkFileSchema,
  CheckFileInput,
  RuleNodeInput,
} from './schema';
import {
  COMPARISON_OPERATORS,
  ComparisonOperator,
  ScorecardCheck,
  ScorecardCheckFile,
  ScorecardCheckSet,
  ScorecardFileProblem,
  ScorecardRule,
  ScorecardSelector,
} from './types';

function unknownFact(
  id: string,
  facts: ReadonlyMap<string, FactDefinition>,
): string {
  const best = nearestId(id, facts.keys());
  return `unknown fact "${id}"${best ? `; did you mean ${best}?` : ''}`;
}

/**
 * Checks a rule against the fact catalogue and gives its typed form;
 * undefined when any part has a problem.
 */
function readRule(
  node: RuleNodeInput,
  path: DataPath,
  facts: ReadonlyMap<string, FactDefinition>,
  problems: FileProblems,
): ScorecardRule | undefined {
  if (node.all || node.any) {
    const key = node.all ? 'all' : 'any';
    const rules = (node.all ?? node.any)!.map((child, i) =>
      readRule(child, [...path, key, i], facts, problems),
    );
    return rules.every(Boolean)
      ? { type: key, rules: rules as ScorecardRule[] }
      : undefined;
  }
  if (node.not) {
    const rule = readRule(node.not, [...path, 'not'], facts, problems);
    return rule && { type: 'not', rule };
  }

  const factId = node.fact!;
  const definition = facts.get(factId);
  if (!definition) {
    problems.report([...path, 'fact'], unknownFact(factId, facts));
    return undefined;
  }
  if (node.exists !== undefined) {
    return { type: 'exists', fact: factId, exists: node.exists };
  }
  if (node.youngerThan !== undefined) {
    if (definition.type !== 'timestamp') {
      problems.report(
        [...path, 'youngerThan'],
        `youngerThan needs a timestamp fact; ${factId} is a ${definition.type}`,
      );
      return undefined;
    }
    return {
      type: 'youngerThan',
      fact: factId,
      duration: node.youngerThan as HumanDuration,
    };
  }

  const operator = COMPARISON_OPERATORS.find(op => node[op] !== undefined)!;
  const value = node[operator]!;
  const at = [...path, operator];
  const ordered = !['eq', 'ne'].includes(operator);
  switch (definition.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.report(
          at,
          `${factId} is a number; compare it with a number, not ${describeValue(
            value,
          )}`,
        );
        return undefined;
      }
      break;
    case 'boolean':
      if (ordered) {
        problems.report(
          at,
          `${factId} is a boolean; test it with eq or ne, not ${operator}`,
        );
        return undefined;
      }
      if (typeof value !== 'boolean') {
        problems.report(
          at,
          `${factId} is a boolean; compare it with true or false, not ${describeValue(
            value,
          )}`,
        );
        return undefined;
      }
      break;
    case 'string':
      if (ordered) {
        problems.report(
          at,
          `${factId} is a string; test it with eq or ne, not ${operator}`,
        );
        return undefined;
      }
      if (typeof value !== 'string') {
        problems.report(
          at,
          `${factId} is a string; compare it with a string, not ${describeValue(
            value,
          )} (quote it)`,
        );
        return undefined;
      }
      if (definition.values && !definition.values.includes(value)) {
        problems.report(
          at,
          `"${value}" is not a value of ${factId}; expected one of ${definition.values.join(
            ', ',
          )}`,
        );
        return undefined;
      }
      break;
    case 'timestamp':
      if (typeof value !== 'string' || !isIsoInstant(value)) {
        problems.report(
          at,
          `${factId} is a timestamp; compare it with an ISO 8601 instant such as 2026-01-01T00:00:00Z, not ${describeValue(
            value,
          )} (or test its age with youngerThan)`,
        );
        return undefined;
      }
      break;
    default:
      problems.report([...path, 'fact'], `${factId} has an unknown type`);
      return undefined;
  }
  return {
    type: 'compare',
    fact: factId,
    factType: definition.type,
    operator: operator as ComparisonOperator,
    value,
  };
}

function readSelector(
  input: CheckFileInput['spec']['appliesTo'],
): ScorecardSelector {
  const selector: ScorecardSelector = {};
  if (!input) return selector;
  const lower = (values: string[]) => values.map(v => v.toLowerCase());
  if (input.kind) selector.kinds = lower(input.kind);
  if (input.type) selector.types = lower(input.type);
  if (input.lifecycle) selector.lifecycles = lower(input.lifecycle);
  if (input.tags) selector.tags = input.tags;
  return selector;
}

/**
 * Reads one check file; undefined when it has a problem (reported to
 * `sink`).
 *
 * @public
 */
export function readScorecardCheckFile(
  file: ScorecardCheckFile,
  facts: ReadonlyMap<string, FactDefinition>,
  sink: ScorecardFileProblem[],
): ScorecardCheck | undefined {
  const read = parseDataFile(file, sink);
  if (!read) return undefined;
  const { data, problems } = read;
  if (data === null || data === undefined) {
    sink.push({
      file: file.path,
      path: '',
      message: 'is empty; a check file holds one ScorecardCheck',
    });
    return undefined;
  }
  const parsed = checkFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      reportSchemaIssue(issue, data, problems);
    }
    return undefined;
  }

  const { metadata, spec } = parsed.data;
  const expectedId = idOfPath(file.path);
  if (CHECK_ID.test(expectedId) && metadata.id !== expectedId) {
    problems.report(
      ['metadata', 'id'],
      `"${metadata.id}" differs from the file's name; name the file ${metadata.id}.yaml or the check ${expectedId}`,
    );
  }
  const rule = readRule(spec.rule, ['spec', 'rule'], facts, problems);
  if (!rule || problems.count > 0) return undefined;
  return {
    id: metadata.id,
    title: metadata.title,
    why: spec.why,
    howToFix: spec.howToFix,
    category: spec.category,
    level: spec.level,
    weight: spec.weight,
    appliesTo: readSelector(spec.appliesTo),
    rule,
    file: file.path,
  };
}

/**
 * Loads check files against the fact catalogue: each one's check, or its
 * problems. A check id used by an earlier file is a problem of the later
 * one.
 *
 * @public
 */
export function loadScorecardChecks(
  files: readonly ScorecardCheckFile[],
  facts: readonly FactDefinition[],
): ScorecardCheckSet {
  const catalogue = new Map(facts.map(fact => [fact.id, fact]));
  const problems: ScorecardFileProblem[] = [];
  const checks: ScorecardCheck[] = [];
  const byId = new Map<string, ScorecardCheck>();
  for (const file of files) {
    const check = readScorecardCheckFile(file, catalogue, problems);
    if (!check) continue;
    const first = byId.get(check.id);
    if (first) {
      problems.push({
        file: file.path,
        path: '/metadata/id',
        message: `check id "${check.id}" is already used by ${first.file}`,
      });
      continue;
    }
    byId.set(check.id, check);
    checks.push(check);
  }
  return { checks, problems };
}
