/**
 * Runs @hey-api/openapi-ts in a child Node.js process. The library is
 * ESM-only and has no cancellation, and large specs take hundreds of
 * megabytes; a child process gives us a memory ceiling, a kill switch for
 * the AbortSignal, and keeps the backend's event loop free. Its parser
 * follows file paths and URLs named by `$ref`s, so the child gets only a
 * self-contained document (checked before it starts), a fresh folder as its
 * working directory and home, and none of the backend's environment.
 */
import { ForwardedError, InputError } from '@backstage/errors';
import { assertSelfContained } from '@readiness/plugin-api-portal-common';
import { childProcessEnv } from '@readiness/plugin-api-portal-node';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The child's program: read the job, generate, report a failure in a file. */
const WORKER_SOURCE = `
import fs from 'node:fs';
const job = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const { createClient } = await import(job.entry);
const spec = JSON.parse(fs.readFileSync(job.specPath, 'utf8'));
try {
  await createClient({
    input: spec,
    output: { path: job.outputPath, tsConfigPath: null, module: { extension: '.js' } },
    logs: { level: 'info', file: false },
    plugins: [
      { name: '@hey-api/client-fetch', includeInEntry: true },
      '@hey-api/typescript',
      '@hey-api/sdk',
    ],
  });
} catch (error) {
  const cause = error?.originalError?.error ?? error;
  fs.writeFileSync(job.errorPath, String(cause?.message || cause || 'unknown error'));
  process.exitCode = 1;
}
`;

const MAX_LOG_LINES = 500;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Where the library is and which version it is. */
export function locateHeyApi(): { entry: string; version: string } {
  const manifestPath = require.resolve('@hey-api/openapi-ts/package.json');
  const manifest: {
    version: string;
    exports: Record<string, { import?: string }>;
  } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = path.resolve(
    path.dirname(manifestPath),
    manifest.exports['.']?.import ?? 'dist/index.mjs',
  );
  return { entry, version: manifest.version };
}

/** Options of one run. */
export interface HeyApiRunOptions {
  spec: object;
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Heap limit of the child process in MiB. */
  maxOldSpaceMb: number;
}

async function readTree(root: string, dir = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await fs.readdir(path.join(root, dir), {
    withFileTypes: true,
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const [p, c] of await readTree(root, relative)) files.set(p, c);
    } else if (entry.isFile()) {
      files.set(relative, await fs.readFile(path.join(root, relative), 'utf8'));
    }
  }
  return files;
}

/** Generates the SDK sources; returns them by path relative to the output folder. */
export async function runHeyApi(
  options: HeyApiRunOptions,
): Promise<Map<string, string>> {
  const { spec, signal, log, maxOldSpaceMb } = options;
  signal?.throwIfAborted();
  // The parser would read any file or URL a $ref names: only internal ones pass
  assertSelfContained(spec);
  const workDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'api-portal-ts-sdk-'),
  );
  try {
    const job = {
      entry: pathToFileURL(locateHeyApi().entry).href,
      specPath: path.join(workDir, 'spec.json'),
      outputPath: path.join(workDir, 'out'),
      errorPath: path.join(workDir, 'error.txt'),
    };
    await fs.writeFile(job.specPath, JSON.stringify(spec));
    await fs.writeFile(path.join(workDir, 'job.json'), JSON.stringify(job));

    const exit = await new Promise<{
      code: number | null;
      stderrTail: string[];
    }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          `--max-old-space-size=${maxOldSpaceMb}`,
          '--input-type=module',
          '-e',
          WORKER_SOURCE,
          path.join(workDir, 'job.json'),
        ],
        {
          cwd: workDir,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: childProcessEnv({
            home: workDir,
            extra: { NO_COLOR: '1', FORCE_COLOR: '0' },
          }),
        },
      );
      let lines = 0;
      const stderrTail: string[] = [];
      const forward = (stream: NodeJS.ReadableStream, isStderr: boolean) => {
        let buffered = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          buffered += chunk;
          const parts = buffered.split('\n');
          buffered = parts.pop() ?? '';
          for (const part of parts) {
            const line = part.replace(ANSI, '').trimEnd();
            if (!line) continue;
            if (isStderr) {
              stderrTail.push(line);
              if (stderrTail.length > 20) stderrTail.shift();
            }
            lines++;
            if (lines <= MAX_LOG_LINES) log(line);
            else if (lines === MAX_LOG_LINES + 1) {
              log('(further generator output is not shown)');
            }
          }
        });
      };
      forward(child.stdout, false);
      forward(child.stderr, true);
      const onAbort = () => child.kill('SIGKILL');
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
      child.on('error', error => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
      child.on('close', code => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ code, stderrTail });
      });
    });
    signal?.throwIfAborted();
    if (exit.code !== 0) {
      const reported = await fs
        .readFile(job.errorPath, 'utf8')
        .catch(() => undefined);
      if (reported) {
        throw new InputError(
          `The TypeScript generator (@hey-api/openapi-ts) rejected the API description: ${reported}`,
        );
      }
      const tail = exit.stderrTail.join('\n');
      if (/heap out of memory|Allocation failed/i.test(tail)) {
        throw new Error(
          `The TypeScript generator ran out of memory (limit ${maxOldSpaceMb} MiB)`,
        );
      }
      throw new ForwardedError(
        `The TypeScript generator exited with code ${exit.code}`,
        new Error(tail || 'no output'),
      );
    }
    return await readTree(job.outputPath);
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}
