/*
 * Reads the portal's own framework and mapping files (`compliance/frameworks/`,
 * `apiVersion: readiness.dev/v1`). The guard is tight: an unknown field, a
 * duplicate id or an id YAML read as a number is a problem at its pointer,
 * and a file with any problem loads nothing.
 */
import { HumanDuration } from '@backstage/types';
import { duration, list, record, text, texts, token } from '../files/fields';
import {
  FileProblems,
  jsonPointer,
  ParsedDataFile,
} from '@readiness/data-files';
import { CONTROL_ID, FRAMEWORK_ID } from './controlRef';
import {
  ControlMapping,
  Framework,
  FrameworkControl,
  FrameworkGroup,
  MappingRelationship,
} from './types';

/** The apiVersion of the portal's compliance files. */
export const COMPLIANCE_API_VERSION = 'readiness.dev/v1';

const TAG = /^[a-z0-9][a-z0-9-]*$/;
const RELATIONSHIPS: readonly MappingRelationship[] = [
  'equivalent-to',
  'subset-of',
  'superset-of',
  'intersects-with',
];

function header(parsed: ParsedDataFile, kind: string) {
  const { problems } = parsed;
  const root =
    record(parsed.data, [], problems, [
      'apiVersion',
      'kind',
      'metadata',
      'spec',
    ]) ?? {};
  const metadata = record(root.metadata, ['metadata'], problems, [
    'id',
    'title',
    'version',
    'description',
  ]);
  const id = token(
    metadata?.id,
    ['metadata', 'id'],
    problems,
    FRAMEWORK_ID,
    'an id of letters, digits, ".", "_" and "-"',
  );
  const title = text(metadata?.title, ['metadata', 'title'], problems);
  const version = text(
    metadata?.version,
    ['metadata', 'version'],
    problems,
    false,
  );
  text(metadata?.description, ['metadata', 'description'], problems, false);
  if (root.kind !== kind) {
    problems.report(['kind'], `expected ${kind}`);
  }
  return { root, id, title, version };
}

/**
 * Reads a `kind: Framework` file; undefined when it has a problem (reported).
 */
export function readFrameworkFile(
  parsed: ParsedDataFile,
): Framework | undefined {
  const { problems } = parsed;
  const before = problems.count;
  const { root, id, title, version } = header(parsed, 'Framework');
  const spec = record(root.spec, ['spec'], problems, ['validity', 'groups']);
  const validity = duration(spec?.validity, ['spec', 'validity'], problems);

  const groups: FrameworkGroup[] = [];
  const controls: FrameworkControl[] = [];
  const seen = new Map<string, string>();
  const unique = (value: string | undefined, path: Array<string | number>) => {
    if (value === undefined) return;
    const first = seen.get(value);
    if (first !== undefined) {
      problems.report(path, `"${value}" is already the id at ${first}`);
    } else {
      seen.set(value, jsonPointer(path));
    }
  };

  list(spec?.groups, ['spec', 'groups'], problems).forEach((raw, g) => {
    const at = ['spec', 'groups', g];
    const group = record(raw, at, problems, ['id', 'title', 'controls']);
    if (!group) return;
    const groupId = token(
      group.id,
      [...at, 'id'],
      problems,
      CONTROL_ID,
      'an id',
    );
    unique(groupId, [...at, 'id']);
    const groupTitle = text(group.title, [...at, 'title'], problems);
    if (groupId && groupTitle) groups.push({ id: groupId, title: groupTitle });

    list(group.controls, [...at, 'controls'], problems).forEach((item, c) => {
      const cat = [...at, 'controls', c];
      const control = record(item, cat, problems, [
        'id',
        'title',
        'validity',
        'tags',
      ]);
      if (!control) return;
      const controlId = token(
        control.id,
        [...cat, 'id'],
        problems,
        CONTROL_ID,
        'an id',
      );
      unique(controlId, [...cat, 'id']);
      const controlTitle = text(control.title, [...cat, 'title'], problems);
      const own: HumanDuration | undefined =
        control.validity === undefined
          ? validity
          : duration(control.validity, [...cat, 'validity'], problems);
      const tags =
        control.tags === undefined
          ? []
          : texts(control.tags, [...cat, 'tags'], problems);
      tags.forEach((tag, t) => {
        if (!TAG.test(tag)) {
          problems.report(
            [...cat, 'tags', t],
            `"${tag}" is not a lower-case tag`,
          );
        }
      });
      if (controlId && controlTitle && own && groupId) {
        controls.push({
          id: controlId,
          title: controlTitle,
          group: groupId,
          validity: own,
          tags,
        });
      }
    });
  });

  if (problems.count > before || !id || !title) return undefined;
  return {
    id,
    title,
    ...(version && { version }),
    file: parsed.file.path,
    origin: 'framework-file',
    groups,
    controls,
    withdrawn: [],
  };
}

/**
 * A `kind: FrameworkMapping` file before its control ids are checked against
 * the loaded frameworks; `at` keeps each entry's pointers for that check.
 */
export type UncheckedMapping = {
  id: string;
  title: string;
  file: string;
  problems: FileProblems;
  source: string;
  target: string;
  entries: Array<{
    entry: ControlMapping;
    sourceAt: Array<string | number>;
    targetAt: Array<string | number>;
  }>;
};

/**
 * Reads a `kind: FrameworkMapping` file; undefined when it has a problem
 * (reported). Each map entry names one source control, a relationship and
 * one or more target controls.
 */
export function readMappingFile(
  parsed: ParsedDataFile,
): UncheckedMapping | undefined {
  const { problems } = parsed;
  const before = problems.count;
  const { root, id, title } = header(parsed, 'FrameworkMapping');
  const spec = record(root.spec, ['spec'], problems, [
    'source',
    'target',
    'maps',
  ]);
  const frameworkId = (field: 'source' | 'target') =>
    token(
      spec?.[field],
      ['spec', field],
      problems,
      FRAMEWORK_ID,
      'a framework id',
    );
  const source = frameworkId('source');
  const target = frameworkId('target');

  const entries: UncheckedMapping['entries'] = [];
  list(spec?.maps, ['spec', 'maps'], problems).forEach((raw, m) => {
    const at = ['spec', 'maps', m];
    const map = record(raw, at, problems, [
      'source',
      'relationship',
      'targets',
      'remarks',
    ]);
    if (!map) return;
    const from = token(
      map.source,
      [...at, 'source'],
      problems,
      CONTROL_ID,
      'a control id',
    );
    const relationship = text(
      map.relationship,
      [...at, 'relationship'],
      problems,
    );
    if (
      relationship &&
      !RELATIONSHIPS.includes(relationship as MappingRelationship)
    ) {
      problems.report(
        [...at, 'relationship'],
        `"${relationship}" is not a relationship; expected ${RELATIONSHIPS.join(
          ', ',
        )}`,
      );
      return;
    }
    const remarks = text(map.remarks, [...at, 'remarks'], problems, false);
    const targets = list(map.targets, [...at, 'targets'], problems);
    if (Array.isArray(map.targets) && targets.length === 0) {
      problems.report([...at, 'targets'], 'names no target control');
    }
    targets.forEach((item, t) => {
      const to = token(
        item,
        [...at, 'targets', t],
        problems,
        CONTROL_ID,
        'a control id',
      );
      if (!from || !to || !relationship || !source || !target) return;
      entries.push({
        entry: {
          source: { framework: source, control: from },
          relationship: relationship as MappingRelationship,
          target: { framework: target, control: to },
          ...(remarks && { remarks }),
        },
        sourceAt: [...at, 'source'],
        targetAt: [...at, 'targets', t],
      });
    });
  });

  if (problems.count > before || !id || !title || !source || !target) {
    return undefined;
  }
  return {
    id,
    title,
    file: parsed.file.path,
    problems,
    source,
    target,
    entries,
  };
}
