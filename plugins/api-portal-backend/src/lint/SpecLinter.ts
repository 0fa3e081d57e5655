import fs from 'node:fs';
import { contentHash as digestOf } from '@readiness/store-utils';
import { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseLintStore } from '../database/DatabaseLintStore';
import { DatabaseSpecStore } from '../database/DatabaseSpecStore';
import { LintProblem, LintResult } from '@readiness/plugin-api-portal-common';
import {
  openapiCoreVersion,
  RawLintProblem,
  WorkerPool,
  WorkerPoolClosedError,
  WorkerTimeoutError,
} from '../worker/runWorker';

/** How lint runs. */
export type LintOptions = {
  /** redocly.yaml; without it Redocly's own lookup and recommended rules. */
  configPath?: string;
  allowRemoteRefs: boolean;
  timeoutMs: number;
};

/**
 * The documentation of a built-in Redocly rule, in the pattern Redocly's own
 * CLI links to; rules of plugins (`plugin/rule`) have none.
 */
export function ruleDocumentationUrl(ruleId: string): string | undefined {
  return ruleId.includes('/')
    ? undefined
    : `https://redocly.com/docs/cli/rules/oas/${ruleId}`;
}

function toProblem(raw: RawLintProblem): LintProblem {
  const documentationUrl = ruleDocumentationUrl(raw.ruleId);
  return {
    ruleId: raw.ruleId,
    severity: raw.severity === 'error' ? 'error' : 'warn',
    message: raw.message,
    ...(raw.pointer !== undefined && { pointer: raw.pointer }),
    ...(raw.line !== undefined && { line: raw.line }),
    ...(raw.col !== undefined && { column: raw.col }),
    ...(documentationUrl && { documentationUrl }),
  };
}

/**
 * Lints definition texts with Redocly's openapi-core in the worker pool, as
 * many at once as the pool has workers, each stopped at the time limit. Each
 * text is linted once per
 * lint configuration, whichever entities share it; a failed or stopped lint
 * is kept as such and not retried until the configuration changes.
 */
export class SpecLinter {
  /** Changes when redocly.yaml or the options change, so texts are linted again. */
  readonly configDigest: string;

  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      lints: DatabaseLintStore;
      logger: LoggerService;
      options: LintOptions;
      workers: WorkerPool;
    },
  ) {
    const { configPath, allowRemoteRefs } = deps.options;
    const configText =
      configPath && fs.existsSync(configPath)
        ? fs.readFileSync(configPath, 'utf8')
        : '';
    this.configDigest = digestOf({
      configText,
      allowRemoteRefs,
      core: openapiCoreVersion(),
    });
  }

  /** Lints every current text not linted with this configuration; returns how many. */
  async lintPending(
    options: { contentHash?: string; signal?: AbortSignal } = {},
  ): Promise<number> {
    const pending = await this.deps.lints.pending(
      this.configDigest,
      options.contentHash,
    );
    let count = 0;
    let next = 0;
    // One lane per worker, each taking the next pending text
    const lane = async () => {
      while (next < pending.length && !options.signal?.aborted) {
        const contentHash = pending[next++];
        await this.lint(contentHash);
        count += 1;
      }
    };
    await Promise.all(
      Array.from({ length: this.deps.workers.size }, () => lane()),
    );
    return count;
  }

  private async lint(contentHash: string): Promise<void> {
    const content = await this.deps.specs.getContent(contentHash);
    if (content === undefined) return;
    const { options } = this.deps;
    const started = Date.now();
    let result: LintResult;
    let problems: LintProblem[] = [];
    try {
      const outcome = await this.deps.workers.run(
        {
          type: 'lint',
          content,
          absoluteRef: `/api-portal/definitions/${contentHash}.yaml`,
          ...(options.configPath && { configPath: options.configPath }),
          allowRemoteRefs: options.allowRemoteRefs,
        },
        { timeoutMs: options.timeoutMs },
      );
      problems = outcome.problems.map(toProblem);
      result = {
        contentHash,
        status: 'ok',
        errors: problems.filter(p => p.severity === 'error').length,
        warnings: problems.filter(p => p.severity === 'warn').length,
        durationMs: Date.now() - started,
        lintedAt: new Date().toISOString(),
      };
    } catch (error) {
      // A stopping backend says nothing about the text: it stays pending
      if (error instanceof WorkerPoolClosedError) throw error;
      const timedOut = error instanceof WorkerTimeoutError;
      this.deps.logger.warn(
        `Lint of definition ${contentHash} failed: ${(error as Error).message}`,
      );
      result = {
        contentHash,
        status: timedOut ? 'timeout' : 'error',
        statusMessage: timedOut
          ? `lint took longer than ${options.timeoutMs} ms (apiPortal.lint.timeout) and was stopped`
          : `lint failed: ${(error as Error).message}`,
        errors: 0,
        warnings: 0,
        durationMs: Date.now() - started,
        lintedAt: new Date().toISOString(),
      };
    }
    await this.deps.lints.record(result, this.configDigest, problems);
  }
}
