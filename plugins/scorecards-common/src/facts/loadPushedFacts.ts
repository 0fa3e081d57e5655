/*
 * Loads the declarations of the facts CI pushes (one file per fact, named
 * by its id) the way check files load: YAML with line positions, the
 * structure checked by the zod schema, then the id against the file's name,
 * the pushed facts' namespace and the other declarations. A file with any
 * problem declares nothing and the others load; every problem names its
 * file, JSON pointer and line.
 */
import { parseDataFile } from '@readiness/data-files';
import { ScorecardFileProblem } from '../checks/types';
import { idOfPath, reportSchemaIssue } from '../dataFiles';
import { factFileSchema, FACT_KIND } from './pushedSchema';
import { FACT_ID, PUSHED_FACT_PROVIDER, PushedFactDefinition } from './types';

/**
 * A declaration file's text, with the path it is reported under.
 *
 * @public
 */
export type PushedFactFile = { path: string; content: string };

/**
 * The pushed facts that were declared, and the problems of the files that
 * declare nothing.
 *
 * @public
 */
export type PushedFactSet = {
  facts: PushedFactDefinition[];
  problems: ScorecardFileProblem[];
};

/**
 * Reads one declaration file; undefined when it has a problem (reported to
 * `sink`).
 *
 * @public
 */
export function readPushedFactFile(
  file: PushedFactFile,
  sink: ScorecardFileProblem[],
): PushedFactDefinition | undefined {
  const read = parseDataFile(file, sink);
  if (!read) return undefined;
  const { data, problems } = read;
  if (data === null || data === undefined) {
    sink.push({
      file: file.path,
      path: '',
      message: `is empty; a fact file holds one ${FACT_KIND}`,
    });
    return undefined;
  }
  const parsed = factFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      reportSchemaIssue(issue, data, problems);
    }
    return undefined;
  }

  const { metadata, spec } = parsed.data;
  if (!metadata.id.startsWith(`${PUSHED_FACT_PROVIDER}.`)) {
    problems.report(
      ['metadata', 'id'],
      `"${metadata.id}" is not in the namespace of pushed facts; name it ${PUSHED_FACT_PROVIDER}.<name>, such as ${PUSHED_FACT_PROVIDER}.coverage.line`,
    );
  }
  const expectedId = idOfPath(file.path);
  if (FACT_ID.test(expectedId) && metadata.id !== expectedId) {
    problems.report(
      ['metadata', 'id'],
      `"${metadata.id}" differs from the file's name; name the file ${metadata.id}.yaml or the fact ${expectedId}`,
    );
  }
  if (problems.count > 0) return undefined;
  return {
    id: metadata.id,
    title: metadata.title,
    type: spec.type,
    provider: PUSHED_FACT_PROVIDER,
    description: spec.description,
    ...(spec.unit !== undefined && { unit: spec.unit }),
    ...(spec.minimum !== undefined && { minimum: spec.minimum }),
    ...(spec.maximum !== undefined && { maximum: spec.maximum }),
    ...(spec.integer !== undefined && { integer: spec.integer }),
    ...(spec.values !== undefined && { values: spec.values }),
    pushedBy: spec.pushedBy,
    file: file.path,
  };
}

/**
 * Loads the declarations of pushed facts: each file's fact, or its
 * problems. A fact id declared by an earlier file is a problem of the later
 * one.
 *
 * @public
 */
export function loadPushedFacts(
  files: readonly PushedFactFile[],
): PushedFactSet {
  const problems: ScorecardFileProblem[] = [];
  const facts: PushedFactDefinition[] = [];
  const byId = new Map<string, PushedFactDefinition>();
  for (const file of files) {
    const fact = readPushedFactFile(file, problems);
    if (!fact) continue;
    const first = byId.get(fact.id);
    if (first) {
      problems.push({
        file: file.path,
        path: '/metadata/id',
        message: `fact id "${fact.id}" is already declared by ${first.file}`,
      });
      continue;
    }
    byId.set(fact.id, fact);
    facts.push(fact);
  }
  return { facts, problems };
}
