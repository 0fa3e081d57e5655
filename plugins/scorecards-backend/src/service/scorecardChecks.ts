/*
 * The checks the backend scores with, read once at start from the checks
 * folder. A broken file is logged with its problems (file, JSON pointer,
 * line) and left out; the backend scores with the others.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  compileScorecard,
  CompiledScorecard,
  FactDefinition,
  loadScorecardChecks,
  ScorecardCheck,
  ScorecardFileProblem,
} from '@readiness/plugin-scorecards-common';
import { contentHash } from '@readiness/store-utils';

const CHECK_FILE = /\.ya?ml$/i;

/** The checks as loaded and compiled, and the problems of the files. */
export type LoadedChecks = {
  checks: readonly ScorecardCheck[];
  byId: ReadonlyMap<string, ScorecardCheck>;
  compiled: CompiledScorecard;
  problems: readonly ScorecardFileProblem[];
  /** SHA-256 of the checks' content: results computed with other checks differ. */
  digest: string;
  /**
   * The kinds some check applies to, lower-case; undefined when a check
   * applies to every kind.
   */
  kinds?: readonly string[];
};

/** Checks compiled for scoring, with their digest and the kinds they apply to. */
export function prepareChecks(
  checks: readonly ScorecardCheck[],
  problems: readonly ScorecardFileProblem[],
): LoadedChecks {
  const kinds = new Set<string>();
  let everyKind = false;
  for (const check of checks) {
    if (!check.appliesTo.kinds) everyKind = true;
    for (const kind of check.appliesTo.kinds ?? []) {
      kinds.add(kind.toLocaleLowerCase('en-US'));
    }
  }
  return {
    checks,
    byId: new Map(checks.map(check => [check.id, check])),
    compiled: compileScorecard(checks),
    problems,
    digest: contentHash(checks.map(({ file: _file, ...check }) => check)),
    ...(!everyKind && { kinds: [...kinds].sort() }),
  };
}

/**
 * Reads every check file of the folder, in name order, against the fact
 * catalogue. Paths are reported relative to `cwd`.
 */
export async function readScorecardChecks(
  directory: string,
  facts: readonly FactDefinition[],
  cwd: string = process.cwd(),
): Promise<LoadedChecks> {
  const shown = (file: string) => path.relative(cwd, file) || file;
  let names: string[];
  try {
    names = (await fs.readdir(directory))
      .filter(name => CHECK_FILE.test(name))
      .sort();
  } catch (error) {
    return prepareChecks(
      [],
      [
        {
          file: shown(directory),
          path: '',
          message: `cannot read: ${(error as Error).message}`,
        },
      ],
    );
  }
  const files = await Promise.all(
    names.map(async name => {
      const file = path.join(directory, name);
      return { path: shown(file), content: await fs.readFile(file, 'utf8') };
    }),
  );
  const set = loadScorecardChecks(files, facts);
  return prepareChecks(set.checks, set.problems);
}

/** Logs what was loaded and every problem of the files, one line each. */
export function logScorecardChecks(
  loaded: LoadedChecks,
  directory: string,
  logger: LoggerService,
): void {
  logger.info(
    `Scorecards: ${loaded.checks.length} checks loaded from ${directory}`,
  );
  for (const problem of loaded.problems) {
    const where = problem.line
      ? `${problem.file}:${problem.line}`
      : problem.file;
    logger.warn(
      `Scorecards: check file ${where} left out: ${
        problem.path ? `${problem.path}: ` : ''
      }${problem.message}`,
    );
  }
}
