/**
 * SDK downloads are `.tar.gz` archives with one top folder. They are built
 * in memory with tar-stream, which lets us set every header field, so the
 * same files always give the same bytes: entries sorted by path, a fixed
 * mtime, owner 0:0 and fixed modes.
 */
import { InputError } from '@backstage/errors';
import { pack } from 'tar-stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { SdkFiles } from '@readiness/plugin-api-portal-node';

const gzip = promisify(zlib.gzip);

/**
 * The mtime of every entry. After 1980 because zip-based tools (Python
 * wheel builds from the unpacked sources) reject earlier timestamps.
 */
const ARCHIVE_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Media type of the archives {@link packSdk} builds.
 */
export const SDK_ARCHIVE_CONTENT_TYPE = 'application/gzip';

const SEGMENT = /^(?!\.{1,2}$)[^/\\\0]+$/;

function checkPath(path: string, what: string): string[] {
  const segments = path.split('/');
  if (!path || segments.some(s => !SEGMENT.test(s))) {
    throw new InputError(
      `Invalid ${what} '${path}': use a relative POSIX path without '.', '..' or empty segments`,
    );
  }
  return segments;
}

/**
 * Packs SDK files into a deterministic `.tar.gz` under `rootDir/`.
 *
 * @param files - the files, with paths relative to the SDK root
 * @param rootDir - the single top-level folder, e.g. `ledger-api-2.0.0`
 */
export async function packSdk(
  files: SdkFiles,
  rootDir: string,
): Promise<Buffer> {
  if (!SEGMENT.test(rootDir)) {
    throw new InputError(
      `Invalid root folder '${rootDir}': use one folder name`,
    );
  }
  const byPath = new Map<string, Buffer>();
  for (const file of files) {
    checkPath(file.path, 'file path');
    if (byPath.has(file.path)) {
      throw new InputError(`Duplicate SDK file '${file.path}'`);
    }
    const content =
      typeof file.content === 'string'
        ? Buffer.from(file.content, 'utf8')
        : file.content;
    byPath.set(file.path, content);
  }
  const filePaths = [...byPath.keys()].sort(compareCodeUnits);
  for (const path of filePaths) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      if (byPath.has(segments.slice(0, i).join('/'))) {
        throw new InputError(`SDK file '${path}' is inside a file`);
      }
    }
  }

  const tar = pack();
  const chunks: Buffer[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    // tar-stream emits Buffers; its types say `unknown`.
    tar.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    tar.on('end', () => resolve());
    tar.on('error', reject);
  });
  const writeEntry = (
    name: string,
    type: 'file' | 'directory',
    content?: Buffer,
  ) =>
    new Promise<void>((resolve, reject) => {
      const header = {
        name,
        type,
        mode: type === 'directory' ? 0o755 : 0o644,
        mtime: ARCHIVE_MTIME,
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
      };
      const done = (err?: Error | null) => (err ? reject(err) : resolve());
      if (content) tar.entry(header, content, done);
      else tar.entry(header, done);
    });

  await writeEntry(`${rootDir}/`, 'directory');
  const written = new Set<string>();
  for (const path of filePaths) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      if (!written.has(dir)) {
        written.add(dir);
        await writeEntry(`${rootDir}/${dir}/`, 'directory');
      }
    }
    await writeEntry(`${rootDir}/${path}`, 'file', byPath.get(path));
  }
  tar.finalize();
  await ended;
  // zlib writes no name and mtime 0 into the gzip header, so it is stable.
  return gzip(Buffer.concat(chunks), { level: 9 });
}

/** Orders by UTF-16 code units, independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
