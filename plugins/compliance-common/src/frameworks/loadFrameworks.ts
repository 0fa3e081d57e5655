/*
 * Loads a set of framework files of any supported kind together: the portal's
 * own Framework and FrameworkMapping files, OSCAL catalogs (resolved profiles
 * included) and OSCAL profiles, which are resolved against the catalogs and
 * profiles of the same set. A file with a problem is left out and its
 * problems reported; the others load.
 */
import { HumanDuration } from '@backstage/types';
import { isRecord } from '../files/fields';
import { parseDataFile, ParsedDataFile } from '@readiness/data-files';
import { ComplianceFile, ComplianceFileProblem } from '../files/sourceFile';
import { ControlIndex, formatControlRef, FRAMEWORK_ID } from './controlRef';
import {
  COMPLIANCE_API_VERSION,
  readFrameworkFile,
  readMappingFile,
  UncheckedMapping,
} from './readFrameworkFile';
import {
  OscalFrameworkOptions,
  OscalProfile,
  readOscalCatalog,
  readOscalProfile,
  resolveOscalProfile,
} from './readOscal';
import { Framework, FrameworkMapping, FrameworkSet } from './types';

/**
 * A framework file to load.
 *
 * @public
 */
export type FrameworkSourceFile = ComplianceFile & {
  /**
   * The id an OSCAL file's framework is known by (in applicability rules,
   * declarations and evidence); by default its file name without the
   * extension, or its folder's name when the file is `catalog.json` or
   * `profile.json`. The portal's own files carry their id.
   */
  id?: string;
  /** How long evidence for an OSCAL file's controls stays valid; one year by default. */
  validity?: HumanDuration;
};

/**
 * How long evidence stays valid where a framework does not say.
 *
 * @public
 */
export const DEFAULT_CONTROL_VALIDITY: HumanDuration = { days: 365 };

function segmentsOf(pathOrHref: string): string[] {
  return pathOrHref
    .replace(/[?#].*$/, '')
    .replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '')
    .split(/[\\/]/)
    .filter(s => s !== '' && s !== '.' && s !== '..');
}

function defaultOscalId(path: string): string {
  const segments = segmentsOf(path);
  const base = (segments[segments.length - 1] ?? 'oscal').replace(
    /\.[^.]*$/,
    '',
  );
  const name =
    (base === 'catalog' || base === 'profile') && segments.length > 1
      ? segments[segments.length - 2]
      : base;
  return (
    name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') ||
    'oscal'
  );
}

/** How many trailing path segments two paths share. */
function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (
    n < a.length &&
    n < b.length &&
    a[a.length - 1 - n] === b[b.length - 1 - n]
  ) {
    n++;
  }
  return n;
}

/**
 * The file an import's href means among `paths`: the one that shares the
 * longest tail of path segments with it (at least the file name). Hrefs
 * point into the repository they were written in, so only the tail can be
 * compared.
 */
function matchHref(
  href: string,
  paths: string[],
): string | 'ambiguous' | undefined {
  const wanted = segmentsOf(href);
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const path of paths) {
    const score = sharedTail(wanted, segmentsOf(path));
    if (score > bestScore) {
      best = path;
      bestScore = score;
      tie = false;
    } else if (score > 0 && score === bestScore) {
      tie = true;
    }
  }
  if (tie) return 'ambiguous';
  return best;
}

/**
 * Loads framework files: each one's frameworks and mappings, or its
 * problems. Profiles import from the other files of the same call.
 *
 * @public
 */
export function loadFrameworks(
  files: readonly FrameworkSourceFile[],
): FrameworkSet {
  const problems: ComplianceFileProblem[] = [];
  const loaded: Framework[] = [];
  const mappings: UncheckedMapping[] = [];
  const profiles: OscalProfile[] = [];
  /** OSCAL files by path: their framework once loaded, false when they failed. */
  const oscal = new Map<string, Framework | OscalProfile | false>();

  for (const file of files) {
    const parsed = parseDataFile(file, problems);
    if (!parsed) continue;
    const { data } = parsed;
    if (isRecord(data) && ('catalog' in data || 'profile' in data)) {
      const options = oscalOptions(parsed, file);
      const read =
        options &&
        ('catalog' in data
          ? readOscalCatalog(parsed, options)
          : readOscalProfile(parsed, options));
      oscal.set(file.path, read ?? false);
      if (read && 'origin' in read) loaded.push(read);
      if (read && 'imports' in read) profiles.push(read);
    } else if (isRecord(data) && data.apiVersion === COMPLIANCE_API_VERSION) {
      if (data.kind === 'Framework') {
        const framework = readFrameworkFile(parsed);
        if (framework) loaded.push(framework);
      } else if (data.kind === 'FrameworkMapping') {
        const mapping = readMappingFile(parsed);
        if (mapping) mappings.push(mapping);
      } else {
        parsed.problems.report(
          ['kind'],
          'expected Framework or FrameworkMapping',
        );
      }
    } else {
      parsed.problems.report(
        [],
        `neither an OSCAL catalog or profile nor a ${COMPLIANCE_API_VERSION} Framework or FrameworkMapping`,
      );
    }
  }

  resolveProfiles(profiles, oscal, loaded);

  const frameworks: Framework[] = [];
  const byId = new Map<string, Framework>();
  for (const framework of loaded.sort(
    (a, b) => order(files, a.file) - order(files, b.file),
  )) {
    const first = byId.get(framework.id);
    if (first) {
      problems.push({
        file: framework.file,
        path: framework.origin === 'framework-file' ? '/metadata/id' : '',
        message: `framework id "${framework.id}" is already used by ${first.file}; give this file another id`,
      });
      continue;
    }
    byId.set(framework.id, framework);
    frameworks.push(framework);
  }

  const index = new ControlIndex(frameworks);
  return {
    frameworks,
    mappings: mappings.flatMap(m => checkMapping(m, index)),
    problems,
  };
}

function order(files: readonly FrameworkSourceFile[], path: string): number {
  return files.findIndex(f => f.path === path);
}

function oscalOptions(
  parsed: ParsedDataFile,
  file: FrameworkSourceFile,
): OscalFrameworkOptions | undefined {
  const id = file.id ?? defaultOscalId(file.path);
  if (!FRAMEWORK_ID.test(id)) {
    parsed.problems.report(
      [],
      `the id "${id}" given for this file is not a framework id`,
    );
    return undefined;
  }
  return { id, validity: file.validity ?? DEFAULT_CONTROL_VALIDITY };
}

/**
 * Resolves profiles in the order their imports allow (a profile may import
 * another profile); what is left when no more can be resolved imports
 * something missing, failed or circular.
 */
function resolveProfiles(
  profiles: OscalProfile[],
  oscal: Map<string, Framework | OscalProfile | false>,
  loaded: Framework[],
) {
  const paths = [...oscal.keys()];
  const find = (hrefs: string[]): Framework | OscalProfile | string => {
    for (const href of hrefs) {
      const path = matchHref(href, paths);
      if (path === 'ambiguous') {
        return `imports ${href}, which more than one loaded file could be; give the files distinct names`;
      }
      if (path === undefined) continue;
      const source = oscal.get(path);
      if (source === false) return `imports ${path}, which did not load`;
      if (source) return source;
    }
    return `imports ${hrefs.join(' or ')}, which is not among the loaded files`;
  };
  const isProfile = (source: ReturnType<typeof find>) =>
    typeof source === 'object' && 'imports' in source;
  const frameworkOrReason = (hrefs: string[]): Framework | string => {
    const source = find(hrefs);
    return typeof source === 'object' && 'imports' in source
      ? `imports ${source.parsed.file.path}, a profile that cannot be resolved before this one`
      : source;
  };

  let pending = profiles;
  while (pending.length > 0) {
    const ready = pending.filter(
      p => !p.imports.some(i => isProfile(find(i.hrefs))),
    );
    // when none is ready, the rest import each other: resolve them to report it
    const now = ready.length > 0 ? ready : pending;
    for (const profile of now) {
      const framework = resolveOscalProfile(profile, frameworkOrReason);
      oscal.set(profile.parsed.file.path, framework ?? false);
      if (framework) loaded.push(framework);
    }
    pending = pending.filter(p => !now.includes(p));
  }
}

/** Checks a mapping's frameworks and controls; a mapping with a problem is left out. */
function checkMapping(
  mapping: UncheckedMapping,
  index: ControlIndex,
): FrameworkMapping[] {
  const { problems } = mapping;
  const before = problems.count;
  for (const side of ['source', 'target'] as const) {
    if (!index.framework(mapping[side])) {
      problems.report(
        ['spec', side],
        index.problemOf({ framework: mapping[side], control: '' })!,
      );
    }
  }
  if (problems.count > before) return [];
  const seen = new Map<string, string>();
  for (const { entry, sourceAt, targetAt } of mapping.entries) {
    const sourceProblem = index.problemOf(entry.source);
    if (sourceProblem) problems.report(sourceAt, sourceProblem);
    const targetProblem = index.problemOf(entry.target);
    if (targetProblem) problems.report(targetAt, targetProblem);
    const pair = `${formatControlRef(entry.source)} to ${formatControlRef(
      entry.target,
    )}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      problems.report(targetAt, `${pair} is already mapped as ${earlier}`);
    }
    seen.set(pair, entry.relationship);
  }
  if (problems.count > before) return [];
  return [
    {
      id: mapping.id,
      title: mapping.title,
      file: mapping.file,
      source: mapping.source,
      target: mapping.target,
      entries: mapping.entries.map(e => e.entry),
    },
  ];
}
