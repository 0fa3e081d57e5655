/*
 * `redocly lint` of the Redocly CLI, spawned once for one file, as CI runs it
 * on services/*: what tests and the benchmark compare the portal's lint with.
 * Test and benchmark code only.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryPath } from '@readiness/test-corpus';

const run = promisify(execFile);

/** What `redocly lint --format json` reports for a file. */
export type RedoclyCliReport = {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string }>;
};

const CLI = path.join(
  path.dirname(require.resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

/**
 * Lints one file with `redocly lint --format json` and the repository's
 * redocly.yaml: the report (undefined when the CLI gave none, with why) and
 * the wall time of the spawned process.
 */
export async function redoclyCliLint(
  file: string,
): Promise<{ ms: number; report?: RedoclyCliReport; failure?: string }> {
  const started = performance.now();
  const outcome = await run(
    process.execPath,
    [
      CLI,
      'lint',
      '--format',
      'json',
      '--max-problems',
      '100000',
      '--config',
      repositoryPath('redocly.yaml'),
      file,
    ],
    {
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      },
    },
  ).catch((error: { stdout?: string; message?: string }) => {
    // The CLI exits with 1 when it found errors; the report is on stdout
    if (typeof error.stdout === 'string' && error.stdout.length > 0) {
      return { stdout: error.stdout };
    }
    return { stdout: '', failure: error.message ?? String(error) };
  });
  const ms = performance.now() - started;
  try {
    return { ms, report: JSON.parse(outcome.stdout) };
  } catch {
    return {
      ms,
      failure:
        'failure' in outcome && outcome.failure
          ? outcome.failure
          : 'the CLI printed no JSON report',
    };
  }
}
