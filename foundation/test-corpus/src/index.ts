/**
 * The shared corpus of real-world inputs (k6 outputs, OpenAPI documents,
 * OpenSLO files, ...) that tests and benchmarks read. Test code only.
 *
 * @packageDocumentation
 */

import fs from 'node:fs';
import path from 'node:path';

function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'backstage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no repository root above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * A path inside this repository, e.g. `repositoryPath('services')`.
 *
 * @public
 */
export function repositoryPath(...segments: string[]): string {
  return path.join(repositoryRoot(__dirname), ...segments);
}

/**
 * A path into the corpus: `READINESS_CORPUS`, or `../shared/corpus` beside
 * the repository.
 *
 * @public
 */
export function corpusPath(...segments: string[]): string {
  const root =
    process.env.READINESS_CORPUS ??
    path.resolve(repositoryRoot(__dirname), '..', 'shared', 'corpus');
  return path.join(root, ...segments);
}

/**
 * Reads a corpus file.
 *
 * @public
 */
export function readCorpusFile(...segments: string[]): Buffer {
  return fs.readFileSync(corpusPath(...segments));
}

/**
 * Every OpenAPI and Swagger document of the corpus, relative to
 * `corpus/openapi` and sorted; the files a split document refers to are left
 * out (they have no top-level `openapi` or `swagger` field).
 */
export function corpusOpenApiDocuments(): string[] {
  const root = corpusPath('openapi');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ya?ml|json)$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        if (/^(openapi|swagger):|^\s*"(openapi|swagger)"\s*:/m.test(text)) {
          found.push(path.relative(root, file));
        }
      }
    }
  };
  walk(root);
  return found.sort();
}
