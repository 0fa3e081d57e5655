/**
 * Reads files that a catalog file on disk points to by a relative path, never
 * outside that catalog file's folder.
 *
 * @packageDocumentation
 */

import fs from 'node:fs/promises';
import path from 'node:path';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a location target is a path on disk (a `file` location) rather than
 * a URL.
 *
 * @public
 */
export function isLocalPath(target: string): boolean {
  return path.isAbsolute(target) && !URL_SCHEME.test(target);
}

/**
 * Whether a reference is relative (no scheme), so that it resolves against a
 * catalog file.
 *
 * @public
 */
export function isRelativeReference(reference: string): boolean {
  return !URL_SCHEME.test(reference);
}

/**
 * Reads `relative` next to `baseFile`: symlinks and `..` cannot leave the
 * folder of `baseFile`, and files over `maxBytes` are refused. Errors say what
 * was wrong in terms of the reference.
 *
 * @public
 */
export async function readFileBeside(
  baseFile: string,
  relative: string,
  maxBytes: number,
): Promise<string> {
  const folder = path.dirname(baseFile);
  let realFolder: string;
  let realTarget: string;
  try {
    realFolder = await fs.realpath(folder);
    realTarget = await fs.realpath(path.resolve(folder, relative));
  } catch {
    throw new Error(
      `could not read ${relative}: no such file next to ${baseFile}`,
    );
  }
  if (!realTarget.startsWith(realFolder + path.sep)) {
    throw new Error(
      `may only read files in the folder of ${baseFile} or below; ${relative} is outside it`,
    );
  }
  const stat = await fs.stat(realTarget);
  if (!stat.isFile()) {
    throw new Error(`${relative} is not a file`);
  }
  if (stat.size > maxBytes) {
    throw new Error(
      `${relative} is ${stat.size} bytes, over the limit of ${maxBytes}`,
    );
  }
  return fs.readFile(realTarget, 'utf-8');
}
