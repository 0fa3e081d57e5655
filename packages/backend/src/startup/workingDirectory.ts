/*
 * Paths in the config (catalog locations, the frameworks, checks and facts
 * folders, the drills folder, the Redocly config) are relative to the
 * backend's package folder, packages/backend, as `yarn start` runs it. So
 * that they mean the same wherever the process is started (a container's
 * `node packages/backend` from /app, an operator's shell anywhere), the
 * backend moves into its package folder before it starts, after making the
 * `--config` files it was given absolute from where it was started.
 */
import path from 'node:path';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function absoluteConfigPath(value: string, startedIn: string): string {
  return URL_SCHEME.test(value) ? value : path.resolve(startedIn, value);
}

/**
 * The arguments with every `--config <file>` and `--config=<file>` made
 * absolute from `startedIn`; URLs and other arguments stay as they are.
 */
export function withAbsoluteConfigPaths(
  args: readonly string[],
  startedIn: string,
): string[] {
  const result = [...args];
  for (let i = 0; i < result.length; i++) {
    const arg = result[i];
    if (arg === '--config' && i + 1 < result.length) {
      result[i + 1] = absoluteConfigPath(result[i + 1], startedIn);
      i++;
    } else if (arg.startsWith('--config=')) {
      result[i] = `--config=${absoluteConfigPath(
        arg.slice('--config='.length),
        startedIn,
      )}`;
    }
  }
  return result;
}

/**
 * Makes the process's `--config` arguments absolute and moves it into the
 * backend's package folder (`packageDir`), where the config's relative
 * paths start from.
 */
export function enterPackageFolder(packageDir: string): void {
  const startedIn = process.cwd();
  const args = withAbsoluteConfigPaths(process.argv.slice(2), startedIn);
  process.argv.splice(2, args.length, ...args);
  if (path.resolve(packageDir) !== startedIn) {
    process.chdir(packageDir);
  }
}
