import { InputError } from '@backstage/errors';
import { findExternalReferences } from '@readiness/plugin-api-portal-common';
import { refusalOf } from './referencePolicy';
import { RawLintProblem, WorkerPool } from './runWorker';

/** Reads a kept definition text into its value (see {@link readDefinition}). */
export type DefinitionReader = (content: string) => Promise<any>;

/** A reader of definitions that uses this pool and these limits. */
export function definitionReader(options: {
  workers: WorkerPool;
  maxAliasCount: number;
  timeoutMs: number;
}): DefinitionReader {
  return content => readDefinition(content, options);
}

/**
 * The value of a kept definition text. JSON is read on the calling thread;
 * YAML, slow to read (a large definition would block the event loop for
 * seconds), is turned into JSON text in a worker of the pool and read from
 * that. Throws an `InputError` saying why a text does not parse.
 */
export async function readDefinition(
  content: string,
  options: { workers: WorkerPool; maxAliasCount: number; timeoutMs: number },
): Promise<any> {
  const body = content.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) return JSON.parse(body);
  const outcome = await options.workers.run(
    { type: 'json', content: body, maxAliasCount: options.maxAliasCount },
    { timeoutMs: options.timeoutMs },
  );
  if ('error' in outcome) {
    throw new InputError(
      `the definition does not parse (${outcome.error.code}): ${outcome.error.message}`,
    );
  }
  return JSON.parse(outcome.json);
}

/** The name a bundled definition is read under: relative `$ref`s become paths, never read. */
const BUNDLE_BASE = '/api-portal/definitions/definition.json';

/** How many unresolved references a build error names. */
const NAMED_REFERENCES = 5;

function unresolved(reasons: string[]): InputError {
  const more =
    reasons.length > NAMED_REFERENCES
      ? `; and ${reasons.length - NAMED_REFERENCES} more`
      : '';
  return new InputError(
    `the definition's references cannot be resolved: ${reasons
      .slice(0, NAMED_REFERENCES)
      .join('; ')}${more}`,
  );
}

function placeOf(problem: RawLintProblem): string {
  const pointer = problem.pointer ?? '#';
  return problem.source && problem.source !== BUNDLE_BASE
    ? `${pointer} of ${problem.source}`
    : pointer;
}

/**
 * A definition with its references resolved under the reference policy
 * (referencePolicy.ts), the same policy lint follows: a self-contained
 * document with internal `$ref`s only, which is what SDK generators and the
 * Postman conversion are given. A definition without external `$ref`s is
 * returned as it is. File references, and remote ones while
 * `allowRemoteRefs` is false, are refused before anything is loaded; remote
 * documents are bundled in a worker that loads each through the policy.
 * Throws an `InputError` naming each `$ref` that cannot be resolved and its
 * JSON pointer.
 */
export async function bundleDefinition(
  value: any,
  options: { workers: WorkerPool; allowRemoteRefs: boolean; timeoutMs: number },
): Promise<any> {
  const external = findExternalReferences(value);
  if (external.length === 0) return value;
  const refused = external.flatMap(({ ref, pointer }) => {
    const refusal = refusalOf(ref, options);
    return refusal ? [`${refusal} (at ${pointer})`] : [];
  });
  if (refused.length > 0) throw unresolved(refused);

  const outcome = await options.workers.run(
    {
      type: 'bundle',
      content: JSON.stringify(value),
      absoluteRef: BUNDLE_BASE,
      allowRemoteRefs: options.allowRemoteRefs,
    },
    { timeoutMs: options.timeoutMs },
  );
  if (outcome.problems.length > 0) {
    throw unresolved(
      outcome.problems.map(
        problem =>
          `${problem.message.replace(
            /^Can't resolve \$ref: /,
            '',
          )} (at ${placeOf(problem)})`,
      ),
    );
  }
  const bundled = JSON.parse(outcome.json);
  const left = findExternalReferences(bundled);
  if (left.length > 0) {
    throw unresolved(
      left.map(
        ({ ref, pointer }) =>
          `$ref ${ref} is left after bundling (at ${pointer})`,
      ),
    );
  }
  return bundled;
}

/**
 * A reader of kept definition texts into self-contained documents (see
 * {@link bundleDefinition}): what SDK builds and Postman collections read.
 */
export function bundledDefinitionReader(options: {
  workers: WorkerPool;
  maxAliasCount: number;
  /** Time limit of reading the text. */
  timeoutMs: number;
  allowRemoteRefs: boolean;
  /** Time limit of bundling referenced documents (the lint's). */
  bundleTimeoutMs: number;
}): DefinitionReader {
  return async content =>
    bundleDefinition(await readDefinition(content, options), {
      workers: options.workers,
      allowRemoteRefs: options.allowRemoteRefs,
      timeoutMs: options.bundleTimeoutMs,
    });
}
