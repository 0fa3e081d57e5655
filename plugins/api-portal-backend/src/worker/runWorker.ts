import { childProcessEnv } from '@readiness/plugin-api-portal-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  MAX_REFERENCED_DOCUMENTS,
  ReferenceLoader,
  referenceLoader,
} from './referencePolicy';
import { WORKER_SOURCE } from './workerSource';

/** What the worker parses: a definition, with the YAML alias limit. */
export type ParseTask = {
  type: 'parse';
  content: string;
  maxAliasCount: number;
};

/** A definition to turn into JSON text (for the main thread to read fast). */
export type JsonTask = {
  type: 'json';
  content: string;
  maxAliasCount: number;
};

/** A definition as JSON text, or why the text does not parse. */
export type JsonOutcome =
  | { json: string }
  | {
      error: {
        code: 'invalid-json' | 'invalid-yaml' | 'yaml-alias-limit';
        message: string;
      };
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

/**
 * A definition (JSON text) to bundle: every document its `$ref`s name is
 * pulled in under the reference policy, so only internal `$ref`s remain.
 */
export type BundleTask = {
  type: 'bundle';
  content: string;
  /** The name the definition is read under (the base of relative `$ref`s). */
  absoluteRef: string;
  allowRemoteRefs: boolean;
};

/**
 * The top-level fields that tell what a parsed definition is: `openapi` and
 * `swagger` as written (a string or a number), the others as text.
 */
export type DefinitionTop =
  | { mapping: false; type: string }
  | {
      mapping: true;
      openapi?: string | number;
      swagger?: string | number;
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
  /** The document the pointer is in (the definition or one it references). */
  source?: string;
  line?: number;
  col?: number;
};

/** A lint: every problem found. */
export type LintOutcome = { problems: RawLintProblem[] };

/** A bundle: the bundled definition as JSON text, and the references it could not resolve. */
export type BundleOutcome = { json: string; problems: RawLintProblem[] };

/** The worker did not answer in time and was stopped. */
export class WorkerTimeoutError extends Error {
  readonly name = 'WorkerTimeoutError';
}

/**
 * The pool was closed (the backend is stopping) before the task finished.
 * Says nothing about the definition: callers keep no outcome for it, so the
 * work is done again after the restart.
 */
export class WorkerPoolClosedError extends Error {
  readonly name = 'WorkerPoolClosedError';

  constructor() {
    super('the worker pool is closed');
  }
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

type Task = ParseTask | JsonTask | LintTask | BundleTask;
type Outcome = ParseOutcome | JsonOutcome | LintOutcome | BundleOutcome;

type Job = {
  task: Task;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
  /** Referenced documents loaded for the task so far. */
  loads: number;
};

type Slot = {
  worker?: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
};

/** How long an idle worker is kept before it is stopped. */
const DEFAULT_IDLE_MS = 10_000;

/**
 * Worker threads that parse, lint and bundle definitions, so that a slow or hostile
 * definition can be stopped at its time limit, cannot exhaust the backend's
 * memory (each worker has a heap limit) and does not block its event loop.
 * Up to `size` tasks run at once; the others wait in order. A worker is kept
 * between tasks (openapi-core and the lint configuration stay loaded) and
 * stopped after `idleMs` without work; a worker that timed out, crashed or ran
 * out of memory is replaced by a fresh one for the next task. A worker asks
 * the pool for each document a `$ref` names; the pool answers with the
 * reference policy's loader. Workers get a minimal environment, not the
 * backend's.
 */
export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly memoryMb: number;
  private readonly idleMs: number;
  private readonly loadReference: ReferenceLoader;
  private nextId = 0;
  private closed = false;

  constructor(options: {
    size: number;
    memoryMb: number;
    idleMs?: number;
    /** Loads referenced documents; by default the policy's, with default limits. */
    loadReference?: ReferenceLoader;
  }) {
    this.size = Math.max(1, Math.floor(options.size));
    this.memoryMb = options.memoryMb;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.loadReference = options.loadReference ?? referenceLoader();
    this.slots = Array.from({ length: this.size }, () => ({}));
  }

  /** How many worker threads are alive now, busy or idle. */
  get liveWorkers(): number {
    return this.slots.filter(slot => slot.worker).length;
  }

  /** Runs a task; rejects with `WorkerTimeoutError` after `timeoutMs`. */
  run(task: ParseTask, options: { timeoutMs: number }): Promise<ParseOutcome>;
  run(task: JsonTask, options: { timeoutMs: number }): Promise<JsonOutcome>;
  run(task: LintTask, options: { timeoutMs: number }): Promise<LintOutcome>;
  run(task: BundleTask, options: { timeoutMs: number }): Promise<BundleOutcome>;
  run(task: Task, options: { timeoutMs: number }): Promise<Outcome> {
    if (this.closed) {
      return Promise.reject(new WorkerPoolClosedError());
    }
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({
        task,
        timeoutMs: options.timeoutMs,
        resolve,
        reject,
        loads: 0,
      });
      this.dispatch();
    });
  }

  /** Stops every worker; queued tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      job.reject(new WorkerPoolClosedError());
    }
    await Promise.all(
      this.slots.map(slot => {
        if (slot.job) {
          this.settle(slot, () =>
            slot.job?.reject(new WorkerPoolClosedError()),
          );
        }
        return this.discard(slot);
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    const worker = slot.worker ?? this.spawn(slot);
    const id = this.nextId++;
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.settle(slot, () =>
        job.reject(
          new WorkerTimeoutError(
            `took longer than ${job.timeoutMs} ms and was stopped`,
          ),
        ),
      );
      void this.discard(slot);
      this.dispatch();
    }, job.timeoutMs);
    const onMessage = (message: {
      id: number;
      result?: Outcome;
      failure?: { name: string; message: string };
      load?: { loadId: number; ref: string };
    }) => {
      if (message.id !== id) return;
      if (message.load) {
        void this.answerLoad(slot, worker, job, message.load);
        return;
      }
      worker.off('message', onMessage);
      this.settle(slot, () => {
        if (message.result) {
          job.resolve(message.result);
        } else {
          const error = new Error(message.failure?.message ?? 'failed');
          error.name = message.failure?.name ?? 'Error';
          job.reject(error);
        }
      });
      this.idle(slot);
      this.dispatch();
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, task: job.task });
  }

  /** Loads a document the worker's task references and hands it over. */
  private async answerLoad(
    slot: Slot,
    worker: Worker,
    job: Job,
    load: { loadId: number; ref: string },
  ): Promise<void> {
    let answer: { loadId: number } & (
      | { body: string; mimeType?: string }
      | { error: string }
    );
    try {
      job.loads += 1;
      if (job.loads > MAX_REFERENCED_DOCUMENTS) {
        throw new Error(
          `$ref ${load.ref} not loaded: a definition may reference at most ${MAX_REFERENCED_DOCUMENTS} documents`,
        );
      }
      const policy = {
        allowRemoteRefs:
          'allowRemoteRefs' in job.task && job.task.allowRemoteRefs === true,
      };
      const loaded = await this.loadReference(load.ref, policy);
      answer = { loadId: load.loadId, ...loaded };
    } catch (error) {
      answer = { loadId: load.loadId, error: (error as Error).message };
    }
    // The task may have timed out or the pool closed meanwhile
    if (slot.worker === worker && slot.job === job) {
      worker.postMessage({ loaded: answer });
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: paths,
      // Not the backend's environment (its secrets): what a worker needs
      env: childProcessEnv({ home: os.tmpdir() }),
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: true,
      stderr: true,
    });
    // A running task keeps its promise; an idle worker keeps nothing alive
    worker.unref();
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      if (slot.job) {
        this.settle(slot, () => slot.job?.reject(error));
        this.dispatch();
      }
    };
    worker.on('error', lost);
    worker.on('exit', code =>
      lost(new Error(`worker stopped with exit code ${code}`)),
    );
    slot.worker = worker;
    return worker;
  }

  /** Ends the slot's job once, with this outcome. */
  private settle(slot: Slot, outcome: () => void): void {
    if (!slot.job) return;
    clearTimeout(slot.timer);
    outcome();
    slot.job = undefined;
  }

  private idle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.discard(slot), this.idleMs);
    slot.idleTimer.unref();
  }

  private async discard(slot: Slot): Promise<void> {
    clearTimeout(slot.idleTimer);
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) await worker.terminate();
  }
}
