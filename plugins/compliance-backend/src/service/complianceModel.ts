/*
 * The data the compliance backend works from, read once at start from the
 * files the config names: frameworks and mappings, the applicability rules
 * and the portal evidence file. A broken file is logged with its problems
 * (file, JSON pointer, line) and left out; the backend runs on the others.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplicabilityRule,
  ComplianceFile,
  ComplianceFileProblem,
  ControlIndex,
  EvidenceReach,
  Framework,
  loadFrameworks,
  PortalEvidenceMapping,
  readApplicability,
  readPortalEvidenceMapping,
} from '@readiness/plugin-compliance-common';

/** Frameworks, mappings, rules and the portal's own evidence, as loaded. */
export type ComplianceModel = {
  frameworks: Framework[];
  controls: ControlIndex;
  reach: EvidenceReach;
  rules: ApplicabilityRule[];
  portalEvidence: PortalEvidenceMapping['rules'];
  problems: ComplianceFileProblem[];
};

const FRAMEWORK_FILE = /\.(ya?ml|json)$/i;

async function readFile(file: string): Promise<ComplianceFile> {
  return { path: file, content: await fs.readFile(file, 'utf8') };
}

/** The files a framework entry names: the file, or a folder's files by name. */
async function frameworkFiles(
  entry: string,
  problems: ComplianceFileProblem[],
): Promise<ComplianceFile[]> {
  try {
    const stat = await fs.stat(entry);
    if (!stat.isDirectory()) return [await readFile(entry)];
    const names = (await fs.readdir(entry))
      .filter(n => FRAMEWORK_FILE.test(n))
      .sort();
    return Promise.all(names.map(n => readFile(path.join(entry, n))));
  } catch (error) {
    problems.push({
      file: entry,
      path: '',
      message: `cannot read: ${(error as Error).message}`,
    });
    return [];
  }
}

/** The model of an empty configuration: no framework, so no control applies. */
export function emptyComplianceModel(): ComplianceModel {
  return {
    frameworks: [],
    controls: new ControlIndex([]),
    reach: EvidenceReach.fromMappings([]),
    rules: [],
    portalEvidence: {},
    problems: [],
  };
}

/** Reads the compliance files the config names. */
export async function readComplianceModel(files: {
  frameworks: string[];
  applicability?: string;
  portalEvidence?: string;
}): Promise<ComplianceModel> {
  const problems: ComplianceFileProblem[] = [];
  const sources = (
    await Promise.all(files.frameworks.map(f => frameworkFiles(f, problems)))
  ).flat();
  const loaded = loadFrameworks(sources);
  problems.push(...loaded.problems);
  const optional = async (file: string | undefined) => {
    if (!file) return undefined;
    try {
      return await readFile(file);
    } catch (error) {
      problems.push({
        file,
        path: '',
        message: `cannot read: ${(error as Error).message}`,
      });
      return undefined;
    }
  };
  const applicabilityFile = await optional(files.applicability);
  const applicability = applicabilityFile
    ? readApplicability(applicabilityFile, loaded.frameworks)
    : { rules: [], problems: [] };
  problems.push(...applicability.problems);
  const portalFile = await optional(files.portalEvidence);
  const portal = portalFile
    ? readPortalEvidenceMapping(portalFile, loaded.frameworks)
    : { rules: {}, problems: [] };
  problems.push(...portal.problems);
  return {
    frameworks: loaded.frameworks,
    controls: new ControlIndex(loaded.frameworks),
    reach: EvidenceReach.fromMappings(loaded.mappings),
    rules: applicability.rules,
    portalEvidence: portal.rules,
    problems,
  };
}

/** Logs what was loaded and every problem of the files, one line each. */
export function logComplianceModel(
  model: ComplianceModel,
  logger: LoggerService,
): void {
  logger.info(
    `Compliance: ${
      model.frameworks
        .map(f => `${f.id} (${f.controls.length} controls)`)
        .join(', ') || 'no frameworks'
    }; ${model.rules.length} applicability rules`,
  );
  for (const p of model.problems) {
    logger.warn(
      `Compliance file ${p.file}${p.line ? `:${p.line}` : ''} ${
        p.path || '/'
      }: ${p.message}`,
    );
  }
}
