import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './workerSource';

/** What the worker parses: a definition, with the YAML alias limit. */
export type ParseTask = {
  type: 'parse';
  content: string;
  maxAliasCount: number;
};

/** What the worker lints: a definition with Redocly's configuration. */
export type LintTask = {
  type: 'lint';
  content: string;
  /** The name the definition is linted under (shown in problem sources). */
  absoluteRef: string;
  configPath?: string;
  allowRemoteRefs: boolean;
};

/** The top-level fields that tell what a parsed definition is. */
export type DefinitionTop =
  | { mapping: false; type: string }
  | {
      mapping: true;
      openapi?: string;
      swagger?: string;
      asyncapi?: string;
      infoVersion?: string;
      infoTitle?: string;
    };

/** A parse: the top-level fields, or why the text does not parse. */
export type ParseOutcome =
  | { syntax: 'json' | 'yaml'; top: DefinitionTop; ms: number }
  | {
      error: {
        code: 'invalid-json' | 'invalid-yaml' | 'yaml-alias-limit';
        message: string;
      };
    };

/** One problem as Redocly reports it, with its place in the source. */
export type RawLintProblem = {
  ruleId: string;
  severity: string;
  message: string;
  pointer?: string;
  line?: number;
  col?: number;
};

/** A lint: every problem found. */
export type LintOutcome = { problems: RawLintProblem[] };

/** The worker did not answer in time and was stopped. */
export class WorkerTimeoutError extends Error {
  readonly name = 'WorkerTimeoutError';
}

/** Limits of one worker run. */
export type WorkerLimits = { timeoutMs: number; memoryMb: number };

const paths = {
  yamlPath: require.resolve('yaml'),
  corePath: require.resolve('@redocly/openapi-core'),
};

/** The version of `@redocly/openapi-core` that lints (part of a lint's identity). */
export function openapiCoreVersion(): string {
  // lib/index.js → the package root; package.json is not in its exports
  const manifest = path.join(
    path.dirname(paths.corePath),
    '..',
    'package.json',
  );
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}

/**
 * Runs one task in a fresh worker thread, so that a slow or hostile
 * definition can be stopped at the time limit, cannot exhaust the backend's
 * memory and does not block its event loop.
 */
export function runInWorker(
  task: ParseTask,
  limits: WorkerLimits,
): Promise<ParseOutcome>;
export function runInWorker(
  task: LintTask,
  limits: WorkerLimits,
): Promise<LintOutcome>;
export function runInWorker(
  task: ParseTask | LintTask,
  limits: WorkerLimits,
): Promise<ParseOutcome | LintOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: paths,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true,
    });
    const run: { settled: boolean; timer?: NodeJS.Timeout } = {
      settled: false,
    };
    const finish = (outcome: () => void) => {
      if (run.settled) return;
      run.settled = true;
      clearTimeout(run.timer);
      outcome();
      void worker.terminate();
    };
    run.timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new WorkerTimeoutError(
              `took longer than ${limits.timeoutMs} ms and was stopped`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once(
      'message',
      (message: {
        result?: ParseOutcome | LintOutcome;
        failure?: { name: string; message: string };
      }) =>
        finish(() => {
          if (message.result) {
            resolve(message.result);
          } else {
            const error = new Error(message.failure?.message ?? 'failed');
            error.name = message.failure?.name ?? 'Error';
            reject(error);
          }
        }),
    );
    worker.once('error', error => finish(() => reject(error)));
    worker.once('exit', code =>
      finish(() => reject(new Error(`worker stopped with exit code ${code}`))),
    );
    worker.postMessage(task);
  });
}
