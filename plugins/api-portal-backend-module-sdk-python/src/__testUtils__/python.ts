import { execFile } from 'node:child_process';

/** The result of a python3 run. */
export interface PythonRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs python3 with arguments; never rejects, reports the exit code. */
export function runPython(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<PythonRun> {
  return new Promise(resolve => {
    execFile(
      'python3',
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          const status = (error as { code?: unknown }).code;
          code = typeof status === 'number' ? status : 1;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
