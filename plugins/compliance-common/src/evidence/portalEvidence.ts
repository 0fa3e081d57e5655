/*
 * What the portal files as evidence by itself, and for which controls: the
 * portal evidence file (`compliance/portal-evidence.yaml`) maps each kind of
 * event the other plugins report (a drill within its targets, a tested
 * restore, a passed gate, a clean API) to a source and controls. The
 * controls are data, so a company maps its events to its own frameworks
 * without touching code.
 */
import { record, text, texts } from '../files/fields';
import { parseDataFile } from '@readiness/data-files';
import { ComplianceFile, ComplianceFileProblem } from '../files/sourceFile';
import { ControlIndex, parseControlRef } from '../frameworks/controlRef';
import { COMPLIANCE_API_VERSION } from '../frameworks/readFrameworkFile';
import { ControlRef, Framework } from '../frameworks/types';
import { EVIDENCE_SOURCES, EvidenceSource } from './types';

// The service principal of a backend plugin, as its tokens name it
const PLUGIN_PRINCIPAL = /^plugin:[a-z0-9][a-z0-9-]*$/;

/**
 * The events other plugins report to the compliance plugin.
 *
 * @public
 */
export const PORTAL_EVIDENCE_KINDS = [
  /** A DR drill that restored service within its RTO and RPO targets. */
  'drill-within-targets',
  /** A backup verification with a successful test restore. */
  'backup-restore-tested',
  /** A release gate that passed. */
  'gate-passed',
  /** An API family whose latest version lints clean and whose breaking changes came with a major version. */
  'api-lint-clean',
] as const;

/** @public */
export type PortalEvidenceKind = (typeof PORTAL_EVIDENCE_KINDS)[number];

/**
 * What the portal files for one kind of event.
 *
 * @public
 */
export type PortalEvidenceRule = {
  kind: PortalEvidenceKind;
  source: EvidenceSource;
  controls: ControlRef[];
  /**
   * The service principals that may file the kind (`plugin:<pluginId>`):
   * the plugin whose records the kind comes from.
   */
  filers: string[];
  description?: string;
};

/**
 * The portal evidence file as read: a rule per kind it maps, and the
 * problems of the parts that did not read. A kind without valid controls or
 * filers has no rule: nothing is filed for it.
 *
 * @public
 */
export type PortalEvidenceMapping = {
  rules: Partial<Record<PortalEvidenceKind, PortalEvidenceRule>>;
  problems: ComplianceFileProblem[];
};

/**
 * Reads the portal evidence file against the loaded frameworks. A control
 * that does not resolve is reported and left out; a kind left without
 * controls files nothing.
 *
 * @public
 */
export function readPortalEvidenceMapping(
  file: ComplianceFile,
  frameworks: readonly Framework[],
): PortalEvidenceMapping {
  const sink: ComplianceFileProblem[] = [];
  const rules: PortalEvidenceMapping['rules'] = {};
  const parsed = parseDataFile(file, sink);
  if (!parsed) return { rules, problems: sink };
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
  if (root?.kind !== 'PortalEvidence') {
    problems.report(['kind'], 'expected PortalEvidence');
  }
  const spec = root && record(root.spec, ['spec'], problems, ['kinds']);
  const kinds =
    spec &&
    record(spec.kinds, ['spec', 'kinds'], problems, PORTAL_EVIDENCE_KINDS);
  for (const [kind, raw] of Object.entries(kinds ?? {})) {
    if (!(PORTAL_EVIDENCE_KINDS as readonly string[]).includes(kind)) continue;
    const at = ['spec', 'kinds', kind];
    const entry = record(raw, at, problems, [
      'source',
      'filers',
      'controls',
      'description',
    ]);
    if (!entry) continue;
    const source = text(entry.source, [...at, 'source'], problems);
    if (
      source !== undefined &&
      !(EVIDENCE_SOURCES as readonly string[]).includes(source)
    ) {
      problems.report(
        [...at, 'source'],
        `"${source}" is not an evidence source; expected ${EVIDENCE_SOURCES.join(
          ', ',
        )}`,
      );
      continue;
    }
    const description = text(
      entry.description,
      [...at, 'description'],
      problems,
      false,
    );
    const filers = texts(entry.filers, [...at, 'filers'], problems).filter(
      filer => {
        if (PLUGIN_PRINCIPAL.test(filer)) return true;
        problems.report(
          Array.isArray(entry.filers)
            ? [...at, 'filers', entry.filers.indexOf(filer)]
            : [...at, 'filers'],
          `"${filer}" is not a plugin's service principal such as plugin:reliability`,
        );
        return false;
      },
    );
    const controls: ControlRef[] = [];
    texts(entry.controls, [...at, 'controls'], problems).forEach((name, i) => {
      const where = Array.isArray(entry.controls)
        ? [...at, 'controls', i]
        : [...at, 'controls'];
      const ref = parseControlRef(name);
      const problem = ref
        ? index.problemOf(ref)
        : `"${name}" is not a control reference such as SOC2:CC8.1`;
      if (problem) problems.report(where, problem);
      else controls.push(ref!);
    });
    if (source === undefined || controls.length === 0 || filers.length === 0) {
      continue;
    }
    rules[kind as PortalEvidenceKind] = {
      kind: kind as PortalEvidenceKind,
      source: source as EvidenceSource,
      controls,
      filers,
      ...(description && { description }),
    };
  }
  return { rules, problems: sink };
}
