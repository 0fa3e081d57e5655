/**
 * The environment of a process (or worker) started for SDK generation or
 * definition reading: only what a Node.js program needs, with `HOME` and
 * `TMPDIR` in the child's own folder. Never the backend's `process.env`, which
 * holds its secrets (database passwords, tokens); `NODE_OPTIONS` is left out
 * too, so limits are given on the child's command line.
 *
 * @public
 */
export function childProcessEnv(options: {
  /** The child's folder: its `HOME` and `TMPDIR`. */
  home: string;
  /** Further variables the child needs, e.g. `NO_COLOR`. */
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PATH: process.env.PATH || '/usr/local/bin:/usr/bin:/bin',
    HOME: options.home,
    TMPDIR: options.home,
    LANG: 'C.UTF-8',
    ...options.extra,
  };
}
