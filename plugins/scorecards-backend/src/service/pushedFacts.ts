/*
 * The facts CI may push, read once at start from the facts folder, one
 * declaration per file. A broken file is logged with its problems (file,
 * JSON pointer, line) and left out; the other facts are declared. Checks
 * are loaded against these declarations too, so they load after them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  loadPushedFacts,
  PushedFactDefinition,
  ScorecardFileProblem,
} from '@readiness/plugin-scorecards-common';

const FACT_FILE = /\.ya?ml$/i;

/** The declared pushed facts, by id, and the problems of their files. */
export type PushedFacts = {
  facts: readonly PushedFactDefinition[];
  byId: ReadonlyMap<string, PushedFactDefinition>;
  problems: readonly ScorecardFileProblem[];
};

/** Declarations as loaded, ready to look facts up by id. */
export function preparePushedFacts(
  facts: readonly PushedFactDefinition[],
  problems: readonly ScorecardFileProblem[] = [],
): PushedFacts {
  return { facts, byId: new Map(facts.map(f => [f.id, f])), problems };
}

/**
 * Reads every declaration file of the folder, in name order. A folder that
 * does not exist declares no fact (a portal whose pipelines push nothing);
 * one that cannot be read is a problem. Paths are reported relative to `cwd`.
 */
export async function readPushedFacts(
  directory: string,
  cwd: string = process.cwd(),
): Promise<PushedFacts> {
  const shown = (file: string) => path.relative(cwd, file) || file;
  let names: string[];
  try {
    names = (await fs.readdir(directory))
      .filter(name => FACT_FILE.test(name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return preparePushedFacts([]);
    }
    return preparePushedFacts(
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
  const set = loadPushedFacts(files);
  return preparePushedFacts(set.facts, set.problems);
}

/** Logs what was declared and every problem of the files, one line each. */
export function logPushedFacts(
  loaded: PushedFacts,
  directory: string,
  logger: LoggerService,
): void {
  logger.info(
    `Scorecards: ${loaded.facts.length} facts CI may push declared in ${directory}`,
  );
  for (const problem of loaded.problems) {
    const where = problem.line
      ? `${problem.file}:${problem.line}`
      : problem.file;
    logger.warn(
      `Scorecards: fact file ${where} left out: ${
        problem.path ? `${problem.path}: ` : ''
      }${problem.message}`,
    );
  }
}
