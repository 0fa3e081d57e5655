/*
 * Reads OSCAL catalogs (and resolved profiles, which are catalogs) and OSCAL
 * profiles as frameworks. Only what a framework needs is read: groups,
 * controls with their enhancements, titles, labels and withdrawn status;
 * parameters, parts and a profile's modifications are left to the source.
 * A profile is resolved against the catalogs (or profiles) loaded with it:
 * its controls are the ones it selects, in the imported source's order.
 */
import { HumanDuration } from '@backstage/types';
import { isRecord, list, record, text, texts, token } from '../files/fields';
import {
  DataPath,
  FileProblems,
  jsonPointer,
  ParsedDataFile,
} from '@readiness/data-files';
import { CONTROL_ID } from './controlRef';
import { Framework, FrameworkControl, FrameworkGroup } from './types';

/** Options of one OSCAL file: the id it is known by, the validity of its controls. */
export type OscalFrameworkOptions = { id: string; validity: HumanDuration };

function propValue(raw: Record<string, unknown>, name: string) {
  const props = Array.isArray(raw.props) ? raw.props : [];
  const prop = props.find(p => isRecord(p) && p.name === name);
  return isRecord(prop) && typeof prop.value === 'string'
    ? prop.value
    : undefined;
}

function metadataOf(
  root: Record<string, unknown>,
  at: DataPath,
  problems: FileProblems,
) {
  const metadata = record(root.metadata, [...at, 'metadata'], problems);
  return {
    title: text(metadata?.title, [...at, 'metadata', 'title'], problems),
    version: text(
      metadata?.version,
      [...at, 'metadata', 'version'],
      problems,
      false,
    ),
  };
}

/**
 * Reads an OSCAL catalog (`{ catalog: ... }`); undefined when it has a
 * problem (reported).
 */
export function readOscalCatalog(
  parsed: ParsedDataFile,
  options: OscalFrameworkOptions,
): Framework | undefined {
  const { problems } = parsed;
  const before = problems.count;
  const catalog = record(
    (parsed.data as Record<string, unknown>).catalog,
    ['catalog'],
    problems,
  );
  if (!catalog) return undefined;
  const metadata = metadataOf(catalog, ['catalog'], problems);

  const groups: FrameworkGroup[] = [];
  const controls: FrameworkControl[] = [];
  const withdrawn: string[] = [];
  const seen = new Map<string, DataPath>();

  const readControl = (
    raw: unknown,
    at: DataPath,
    group: string | undefined,
    parent: string | undefined,
  ) => {
    const control = record(raw, at, problems);
    if (!control) return;
    const id = token(
      control.id,
      [...at, 'id'],
      problems,
      CONTROL_ID,
      'an OSCAL token',
    );
    const title = text(control.title, [...at, 'title'], problems);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first) {
        problems.report(
          [...at, 'id'],
          `control "${id}" is already defined at ${jsonPointer(first)}`,
        );
      }
      seen.set(id, at);
    }
    if (id !== undefined && title !== undefined) {
      // NIST's rev4 catalog writes Withdrawn, rev5 withdrawn
      if (propValue(control, 'status')?.toLowerCase() === 'withdrawn') {
        withdrawn.push(id);
      } else {
        const label = propValue(control, 'label');
        controls.push({
          id,
          title,
          ...(label && { label }),
          ...(group && { group }),
          ...(parent && { parent }),
          validity: options.validity,
          tags: [],
        });
      }
    }
    list(control.controls, [...at, 'controls'], problems, false).forEach(
      (child, index) =>
        readControl(child, [...at, 'controls', index], group, id),
    );
  };

  const readGroup = (
    raw: unknown,
    at: DataPath,
    parent: string | undefined,
    index: number,
  ) => {
    const group = record(raw, at, problems);
    if (!group) return;
    // OSCAL allows a group without an id; it gets one from its position
    const id =
      group.id === undefined
        ? `${parent ?? 'group'}-${index + 1}`
        : token(
            group.id,
            [...at, 'id'],
            problems,
            CONTROL_ID,
            'an OSCAL token',
          );
    const title = text(group.title, [...at, 'title'], problems);
    if (id !== undefined && title !== undefined) {
      groups.push({ id, title, ...(parent && { parent }) });
    }
    list(group.groups, [...at, 'groups'], problems, false).forEach((child, i) =>
      readGroup(child, [...at, 'groups', i], id, i),
    );
    list(group.controls, [...at, 'controls'], problems, false).forEach(
      (child, i) => readControl(child, [...at, 'controls', i], id, undefined),
    );
  };

  list(catalog.groups, ['catalog', 'groups'], problems, false).forEach(
    (raw, i) => readGroup(raw, ['catalog', 'groups', i], undefined, i),
  );
  list(catalog.controls, ['catalog', 'controls'], problems, false).forEach(
    (raw, i) =>
      readControl(raw, ['catalog', 'controls', i], undefined, undefined),
  );
  if (problems.count === before && controls.length === 0) {
    problems.report(['catalog'], 'defines no controls');
  }
  if (problems.count > before || metadata.title === undefined) return undefined;

  const active = new Set(controls.map(c => c.id));
  return {
    id: options.id,
    title: metadata.title,
    ...(metadata.version && { version: metadata.version }),
    file: parsed.file.path,
    origin: 'oscal-catalog',
    groups,
    // an enhancement of a withdrawn control stands on its own
    controls: controls.map(({ parent, ...control }) =>
      parent && active.has(parent) ? { ...control, parent } : control,
    ),
    withdrawn,
  };
}

/** Controls a profile selects from one import, by id or by pattern. */
type ControlSelection = {
  withIds: Array<{ id: string; at: DataPath }>;
  matching: Array<{ pattern: RegExp; at: DataPath }>;
  withChildControls: boolean;
};

/** One import of a profile, its selections still unresolved. */
export type OscalImport = {
  /** Where the imported source may be: the href, or a back-matter resource's links. */
  hrefs: string[];
  at: DataPath;
  includeAll: boolean;
  include: ControlSelection[];
  exclude: ControlSelection[];
};

/** An OSCAL profile read, waiting for the sources it imports. */
export type OscalProfile = {
  parsed: ParsedDataFile;
  options: OscalFrameworkOptions;
  title: string;
  version?: string;
  imports: OscalImport[];
};

/** OSCAL's `matching` patterns: `*` and `?` wildcards over control ids. */
function globPattern(glob: string): RegExp {
  const wildcards: Record<string, string> = { '*': '.*', '?': '.' };
  const body = glob
    .split('')
    .map(c => wildcards[c] ?? c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
    .join('');
  return new RegExp(`^${body}$`);
}

function readSelections(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): ControlSelection[] {
  return list(value, at, problems, false).flatMap((raw, i) => {
    const sat = [...at, i];
    const selection = record(raw, sat, problems, [
      'with-child-controls',
      'with-ids',
      'matching',
    ]);
    if (!selection) return [];
    const children = selection['with-child-controls'];
    if (children !== undefined && children !== 'yes' && children !== 'no') {
      problems.report(
        [...sat, 'with-child-controls'],
        'expected "yes" or "no"',
      );
    }
    const withIds =
      selection['with-ids'] === undefined
        ? []
        : texts(selection['with-ids'], [...sat, 'with-ids'], problems).map(
            (id, j) => ({
              id,
              at: [...sat, 'with-ids', j],
            }),
          );
    const matching = list(
      selection.matching,
      [...sat, 'matching'],
      problems,
      false,
    ).flatMap((m, j) => {
      const pattern = text(
        isRecord(m) ? m.pattern : m,
        [...sat, 'matching', j, 'pattern'],
        problems,
      );
      return pattern
        ? [{ pattern: globPattern(pattern), at: [...sat, 'matching', j] }]
        : [];
    });
    return [{ withIds, matching, withChildControls: children === 'yes' }];
  });
}

/**
 * Reads an OSCAL profile (`{ profile: ... }`); undefined when it has a
 * problem (reported).
 */
export function readOscalProfile(
  parsed: ParsedDataFile,
  options: OscalFrameworkOptions,
): OscalProfile | undefined {
  const { problems } = parsed;
  const before = problems.count;
  const profile = record(
    (parsed.data as Record<string, unknown>).profile,
    ['profile'],
    problems,
  );
  if (!profile) return undefined;
  const { title, version } = metadataOf(profile, ['profile'], problems);
  const backMatter = isRecord(profile['back-matter'])
    ? profile['back-matter']
    : {};
  const resources = Array.isArray(backMatter.resources)
    ? backMatter.resources
    : [];

  const imports = list(
    profile.imports,
    ['profile', 'imports'],
    problems,
  ).flatMap((raw, i) => {
    const at = ['profile', 'imports', i];
    const entry = record(raw, at, problems);
    if (!entry) return [];
    const href = text(entry.href, [...at, 'href'], problems);
    if (href === undefined) return [];
    let hrefs = [href];
    if (href.startsWith('#')) {
      const resource = resources.find(
        r => isRecord(r) && r.uuid === href.slice(1),
      );
      const rlinks =
        isRecord(resource) && Array.isArray(resource.rlinks)
          ? resource.rlinks
          : [];
      hrefs = rlinks.flatMap(l =>
        isRecord(l) && typeof l.href === 'string' ? [l.href] : [],
      );
      if (hrefs.length === 0) {
        problems.report(
          [...at, 'href'],
          `${href} names no back-matter resource with links`,
        );
        return [];
      }
    }
    const includeAll = entry['include-all'] !== undefined;
    const include = readSelections(
      entry['include-controls'],
      [...at, 'include-controls'],
      problems,
    );
    if (!includeAll && include.length === 0) {
      problems.report(
        at,
        'selects no controls: give include-all or include-controls',
      );
    }
    const exclude = readSelections(
      entry['exclude-controls'],
      [...at, 'exclude-controls'],
      problems,
    );
    return [{ hrefs, at, includeAll, include, exclude }];
  });

  if (problems.count > before || title === undefined) return undefined;
  return { parsed, options, title, ...(version && { version }), imports };
}

/** Every control below `id` in `source` (enhancements, and theirs). */
function descendantsOf(source: Framework, id: string): string[] {
  const found: string[] = [];
  const walk = (parent: string) => {
    for (const control of source.controls) {
      if (control.parent === parent) {
        found.push(control.id);
        walk(control.id);
      }
    }
  };
  walk(id);
  return found;
}

/**
 * Resolves a profile: `findImport` gives the framework an import names, or
 * the reason it cannot. Undefined when a selection names a control the source
 * does not have, or an import cannot be found (reported).
 */
export function resolveOscalProfile(
  profile: OscalProfile,
  findImport: (hrefs: string[]) => Framework | string,
): Framework | undefined {
  const { problems } = profile.parsed;
  const before = problems.count;
  const groups: FrameworkGroup[] = [];
  const controls: FrameworkControl[] = [];
  const withdrawn: string[] = [];
  const taken = new Set<string>();

  for (const entry of profile.imports) {
    const source = findImport(entry.hrefs);
    if (typeof source === 'string') {
      problems.report([...entry.at, 'href'], source);
      continue;
    }
    const known = new Set(source.controls.map(c => c.id));
    const select = (selections: ControlSelection[]) => {
      const chosen = new Set<string>();
      for (const selection of selections) {
        const add = (id: string) => {
          chosen.add(id);
          if (selection.withChildControls)
            descendantsOf(source, id).forEach(d => chosen.add(d));
        };
        for (const { id, at } of selection.withIds) {
          if (known.has(id)) add(id);
          else if (!source.withdrawn.includes(id)) {
            problems.report(
              at,
              `"${id}" is not a control of ${source.title} (${source.file})`,
            );
          }
        }
        for (const { pattern, at } of selection.matching) {
          const matched = source.controls.filter(c => pattern.test(c.id));
          if (matched.length === 0)
            problems.report(at, `matches no control of ${source.title}`);
          matched.forEach(c => add(c.id));
        }
      }
      return chosen;
    };
    const included = entry.includeAll ? known : select(entry.include);
    const excluded = select(entry.exclude);
    const selected = source.controls.filter(
      c => included.has(c.id) && !excluded.has(c.id),
    );

    for (const control of selected) {
      if (taken.has(control.id)) {
        problems.report(entry.at, `control "${control.id}" is imported twice`);
        continue;
      }
      taken.add(control.id);
      const { parent, ...rest } = control;
      controls.push({
        ...rest,
        ...(parent &&
          included.has(parent) &&
          !excluded.has(parent) && { parent }),
        validity: profile.options.validity,
      });
    }
    // the groups that hold a selected control, and the groups around them
    const needed = new Set(selected.flatMap(c => (c.group ? [c.group] : [])));
    for (let grew = true; grew; ) {
      grew = false;
      for (const group of source.groups) {
        if (needed.has(group.id) && group.parent && !needed.has(group.parent)) {
          needed.add(group.parent);
          grew = true;
        }
      }
    }
    groups.push(
      ...source.groups.filter(
        g => needed.has(g.id) && !groups.some(h => h.id === g.id),
      ),
    );
    withdrawn.push(...source.withdrawn);
  }

  if (problems.count > before) return undefined;
  if (controls.length === 0) {
    problems.report(['profile', 'imports'], 'selects no controls');
    return undefined;
  }
  return {
    id: profile.options.id,
    title: profile.title,
    ...(profile.version && { version: profile.version }),
    file: profile.parsed.file.path,
    origin: 'oscal-profile',
    groups,
    controls,
    withdrawn: [...new Set(withdrawn)],
  };
}
