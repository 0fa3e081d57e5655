/*
 * The files the harness pages load: each candidate renderer's own browser
 * bundle, taken from its npm tarball (fetched once with `npm pack`), and our
 * renderer, bundled from the plugin's source with esbuild. Both are kept in
 * node_modules/.cache/api-reference-bench, out of git's and prettier's way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

export const CACHE = path.resolve(
  __dirname,
  '../../../../node_modules/.cache/api-reference-bench',
);

/** A file out of an npm package, served to the harness as `/assets/<id>/<name>`. */
export interface PackagedAsset {
  /** The file's path inside the package. */
  file: string;
  /** Its name under `/assets/<renderer>/`. */
  name: string;
}

export interface NpmPackage {
  name: string;
  version: string;
  assets: PackagedAsset[];
}

function tarballName(pkg: NpmPackage): string {
  return `${pkg.name.replace(/^@/, '').replace(/\//g, '-')}-${pkg.version}.tgz`;
}

/** Fetches the package's tarball unless cached and extracts its assets. */
export function preparePackage(id: string, pkg: NpmPackage): string {
  const dir = path.join(CACHE, 'assets', id);
  const missing = pkg.assets.filter(
    asset => !fs.existsSync(path.join(dir, asset.name)),
  );
  if (missing.length === 0) {
    return dir;
  }
  const npmDir = path.join(CACHE, 'npm');
  fs.mkdirSync(npmDir, { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  const tarball = path.join(npmDir, tarballName(pkg));
  if (!fs.existsSync(tarball)) {
    execFileSync(
      'npm',
      [
        'pack',
        '--silent',
        `${pkg.name}@${pkg.version}`,
        '--pack-destination',
        npmDir,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const unpacked = path.join(npmDir, `${id}-unpacked`);
  fs.mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', [
    '-xzf',
    tarball,
    '-C',
    unpacked,
    ...missing.map(asset => `package/${asset.file}`),
  ]);
  for (const asset of missing) {
    fs.copyFileSync(
      path.join(unpacked, 'package', asset.file),
      path.join(dir, asset.name),
    );
  }
  return dir;
}

/** Bundles a harness entry point (TSX) for the browser. */
export async function bundleHarness(
  id: string,
  entryPoint: string,
): Promise<string> {
  const dir = path.join(CACHE, 'assets', id);
  fs.mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [entryPoint],
    outfile: path.join(dir, 'harness.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    logLevel: 'error',
  });
  return dir;
}

/** Bytes of the files in an asset directory, as stored and gzipped. */
export function assetSize(dir: string): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of fs.readdirSync(dir)) {
    const content = fs.readFileSync(path.join(dir, name));
    bytes += content.length;
    gzipBytes += zlib.gzipSync(content).length;
  }
  return { bytes, gzipBytes };
}
