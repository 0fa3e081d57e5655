import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { x as extractTar, t as listTar } from 'tar';
import { packSdk } from './archive';

const FILES = [
  { path: 'pyproject.toml', content: '[project]\nname = "x"\n' },
  { path: 'x/__init__.py', content: Buffer.from('# ünïcode\n') },
  { path: 'x/sub/deep.py', content: '' },
  { path: 'README.md', content: '# X\n' },
];

async function unpack(archive: Buffer): Promise<{
  dir: string;
  entries: Array<{ path: string; mtime?: Date; mode?: number; uid?: number }>;
}> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sdk-archive-'));
  const file = path.join(dir, 'sdk.tar.gz');
  await fs.writeFile(file, archive);
  const entries: Array<{
    path: string;
    mtime?: Date;
    mode?: number;
    uid?: number;
  }> = [];
  await listTar({
    file,
    onReadEntry: entry => {
      entries.push({
        path: entry.path,
        mtime: entry.mtime,
        mode: entry.mode,
        uid: entry.uid,
      });
    },
  });
  await extractTar({ file, cwd: dir });
  return { dir, entries };
}

describe('packSdk', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(
      dirs.map(d => fs.rm(d, { recursive: true, force: true })),
    );
  });

  it('packs the files under one root folder, and unpacks to the same contents', async () => {
    const archive = await packSdk(FILES, 'x-1.0.0');
    expect(archive.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const { dir, entries } = await unpack(archive);
    dirs.push(dir);
    expect(entries.map(e => e.path)).toEqual([
      'x-1.0.0/',
      'x-1.0.0/README.md',
      'x-1.0.0/pyproject.toml',
      'x-1.0.0/x/',
      'x-1.0.0/x/__init__.py',
      'x-1.0.0/x/sub/',
      'x-1.0.0/x/sub/deep.py',
    ]);
    for (const entry of entries) {
      expect(entry.mtime?.toISOString()).toBe('2000-01-01T00:00:00.000Z');
      expect(entry.uid).toBe(0);
      expect(entry.mode).toBe(entry.path.endsWith('/') ? 0o755 : 0o644);
    }
    for (const file of FILES) {
      const unpacked = await fs.readFile(path.join(dir, 'x-1.0.0', file.path));
      expect(unpacked).toEqual(Buffer.from(file.content));
    }
  });

  it('gives the same bytes for the same files in any order', async () => {
    const first = await packSdk(FILES, 'x-1.0.0');
    const second = await packSdk([...FILES].reverse(), 'x-1.0.0');
    expect(second.equals(first)).toBe(true);
    const other = await packSdk(FILES, 'x-1.0.1');
    expect(other.equals(first)).toBe(false);
  });

  it.each([
    ['/abs', 'Invalid file path'],
    ['a/../b', 'Invalid file path'],
    ['a//b', 'Invalid file path'],
    ['', 'Invalid file path'],
  ])('refuses the path %j', async (bad, message) => {
    await expect(packSdk([{ path: bad, content: '' }], 'root')).rejects.toThrow(
      message,
    );
  });

  it('refuses duplicates, files inside files and a nested root', async () => {
    await expect(
      packSdk(
        [
          { path: 'a', content: '' },
          { path: 'a', content: '' },
        ],
        'root',
      ),
    ).rejects.toThrow("Duplicate SDK file 'a'");
    await expect(
      packSdk(
        [
          { path: 'a', content: '' },
          { path: 'a/b/c', content: '' },
        ],
        'root',
      ),
    ).rejects.toThrow("SDK file 'a/b/c' is inside a file");
    await expect(packSdk([], 'a/b')).rejects.toThrow('Invalid root folder');
    await expect(packSdk([], '..')).rejects.toThrow('Invalid root folder');
  });
});
