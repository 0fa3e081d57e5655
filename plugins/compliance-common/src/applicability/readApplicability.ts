/*
 * Reads the applicability file (`compliance/applicability.yaml`): rules that
 * select catalog entities and name the controls that apply to them. Control
 * references are checked against the loaded frameworks; a reference that
 * does not resolve is reported and left out, and the rest of the rule stays,
 * so a framework that failed to load takes only its own controls out of scope.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { list, record, text, texts, token } from '../files/fields';
import { DataPath, FileProblems, parseDataFile } from '@readiness/data-files';
import { ComplianceFile, ComplianceFileProblem } from '../files/sourceFile';
import {
  ControlIndex,
  formatControlRef,
  parseControlRef,
} from '../frameworks/controlRef';
import { COMPLIANCE_API_VERSION } from '../frameworks/readFrameworkFile';
import { ControlRef, Framework } from '../frameworks/types';
import { ApplicabilityRule, EntitySelector } from './types';

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SELECTOR_FIELDS = [
  'kind',
  'type',
  'lifecycle',
  'system',
  'domain',
  'tags',
  'annotations',
] as const;

/**
 * The rules of an applicability file, and the problems of the parts that did
 * not read.
 *
 * @public
 */
export type ApplicabilityRuleSet = {
  rules: ApplicabilityRule[];
  problems: ComplianceFileProblem[];
};

function entityRefs(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
  kind: 'system' | 'domain',
): string[] {
  return texts(value, at, problems).flatMap((ref, i) => {
    try {
      const parsed = parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: 'default',
      });
      if (parsed.kind.toLocaleLowerCase('en-US') !== kind) throw new Error();
      return [stringifyEntityRef(parsed).toLocaleLowerCase('en-US')];
    } catch {
      problems.report(
        Array.isArray(value) ? [...at, i] : at,
        `"${ref}" is not a ${kind} entity ref`,
      );
      return [];
    }
  });
}

function readSelector(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): EntitySelector | undefined {
  const before = problems.count;
  const raw = record(value, at, problems, SELECTOR_FIELDS);
  if (!raw) return undefined;
  if (!SELECTOR_FIELDS.some(field => raw[field] !== undefined)) {
    problems.report(
      at,
      `selects every entity; give at least one of ${SELECTOR_FIELDS.join(
        ', ',
      )}`,
    );
    return undefined;
  }
  const lower = (field: 'kind' | 'type' | 'lifecycle') =>
    raw[field] === undefined
      ? undefined
      : texts(raw[field], [...at, field], problems).map(v =>
          v.toLocaleLowerCase('en-US'),
        );
  const selector: EntitySelector = {};
  const kinds = lower('kind');
  if (kinds) selector.kinds = kinds;
  const types = lower('type');
  if (types) selector.types = types;
  const lifecycles = lower('lifecycle');
  if (lifecycles) selector.lifecycles = lifecycles;
  if (raw.system !== undefined) {
    selector.systems = entityRefs(
      raw.system,
      [...at, 'system'],
      problems,
      'system',
    );
  }
  if (raw.domain !== undefined) {
    selector.domains = entityRefs(
      raw.domain,
      [...at, 'domain'],
      problems,
      'domain',
    );
  }
  if (raw.tags !== undefined)
    selector.tags = texts(raw.tags, [...at, 'tags'], problems);
  if (raw.annotations !== undefined) {
    const annotations =
      record(raw.annotations, [...at, 'annotations'], problems) ?? {};
    selector.annotations = {};
    for (const [key, wanted] of Object.entries(annotations)) {
      selector.annotations[key] =
        typeof wanted === 'boolean'
          ? wanted
          : texts(wanted, [...at, 'annotations', key], problems);
    }
  }
  // a selector read in part would select more entities than meant
  return problems.count === before ? selector : undefined;
}

/** The controls one item of a rule's `controls` names. */
function readControls(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
  index: ControlIndex,
): ControlRef[] {
  if (typeof value === 'string') {
    const ref = parseControlRef(value);
    if (!ref) {
      problems.report(
        at,
        `"${value}" is not a control reference such as SOC2:CC6.1`,
      );
      return [];
    }
    const problem = index.problemOf(ref);
    if (problem) problems.report(at, problem);
    return problem ? [] : [ref];
  }
  const item = record(value, at, problems, [
    'framework',
    'ids',
    'groups',
    'tags',
  ]);
  if (!item) return [];
  const given = (['ids', 'groups', 'tags'] as const).filter(
    f => item[f] !== undefined,
  );
  if (given.length !== 1) {
    problems.report(at, 'give one of ids, groups or tags');
    return [];
  }
  const [by] = given;
  const frameworkId = text(
    item.framework,
    [...at, 'framework'],
    problems,
    by !== 'tags',
  );
  const frameworks =
    frameworkId === undefined
      ? index.frameworks
      : [index.framework(frameworkId)];
  if (frameworkId !== undefined && !frameworks[0]) {
    problems.report(
      [...at, 'framework'],
      index.problemOf({ framework: frameworkId, control: '' })!,
    );
    return [];
  }
  const wanted = texts(item[by], [...at, by], problems);
  const found: ControlRef[] = [];
  wanted.forEach((name, i) => {
    const where = Array.isArray(item[by]) ? [...at, by, i] : [...at, by];
    if (by === 'ids') {
      const ref = { framework: frameworkId!, control: name };
      const problem = index.problemOf(ref);
      if (problem) problems.report(where, problem);
      else found.push(ref);
      return;
    }
    const before = found.length;
    for (const framework of frameworks as Framework[]) {
      const groups = new Set([name]);
      // a group takes in the groups nested in it
      for (let grew = by === 'groups'; grew; ) {
        grew = false;
        for (const group of framework.groups) {
          if (
            group.parent &&
            groups.has(group.parent) &&
            !groups.has(group.id)
          ) {
            groups.add(group.id);
            grew = true;
          }
        }
      }
      for (const control of framework.controls) {
        const hit =
          by === 'groups'
            ? control.group !== undefined && groups.has(control.group)
            : control.tags.includes(name);
        if (hit) found.push({ framework: framework.id, control: control.id });
      }
    }
    if (found.length === before) {
      problems.report(
        where,
        by === 'groups'
          ? `"${name}" is not a group of ${frameworks[0]!.title}`
          : `no control of ${
              frameworkId ?? 'any loaded framework'
            } has the tag "${name}"`,
      );
    }
  });
  return found;
}

/**
 * Reads an applicability file against the frameworks it refers to.
 *
 * @public
 */
export function readApplicability(
  file: ComplianceFile,
  frameworks: readonly Framework[],
): ApplicabilityRuleSet {
  const sink: ComplianceFileProblem[] = [];
  const parsed = parseDataFile(file, sink);
  if (!parsed) return { rules: [], problems: sink };
  const { problems } = parsed;
  const index = new ControlIndex(frameworks);

  const root = record(parsed.data, [], problems, [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
  ]);
  if (root?.apiVersion !== COMPLIANCE_API_VERSION) {
    problems.report(['apiVersion'], `expected ${COMPLIANCE_API_VERSION}`);
  }
  if (root?.kind !== 'Applicability')
    problems.report(['kind'], 'expected Applicability');
  if (root?.metadata !== undefined) {
    const metadata = record(root.metadata, ['metadata'], problems, [
      'title',
      'description',
    ]);
    text(metadata?.title, ['metadata', 'title'], problems, false);
    text(metadata?.description, ['metadata', 'description'], problems, false);
  }
  const spec = root && record(root.spec, ['spec'], problems, ['rules']);
  const seen = new Set<string>();

  const rules = list(spec?.rules, ['spec', 'rules'], problems).flatMap(
    (raw, r) => {
      const at = ['spec', 'rules', r];
      const rule = record(raw, at, problems, [
        'id',
        'description',
        'select',
        'controls',
      ]);
      if (!rule) return [];
      const id = token(
        rule.id,
        [...at, 'id'],
        problems,
        RULE_ID,
        'lower-case words joined by "-"',
      );
      if (id && seen.has(id))
        problems.report([...at, 'id'], `another rule is already "${id}"`);
      const description = text(
        rule.description,
        [...at, 'description'],
        problems,
        false,
      );
      const select = readSelector(rule.select, [...at, 'select'], problems);
      const items = list(rule.controls, [...at, 'controls'], problems);
      const controls = new Map<string, ControlRef>();
      items.forEach((item, c) => {
        for (const ref of readControls(
          item,
          [...at, 'controls', c],
          problems,
          index,
        )) {
          controls.set(formatControlRef(ref), ref);
        }
      });
      if (!id || seen.has(id) || !select) return [];
      seen.add(id);
      return [
        {
          id,
          ...(description && { description }),
          select,
          controls: [...controls.values()],
        },
      ];
    },
  );
  return { rules, problems: sink };
}
