/*
 * The files the harness pages load: each candidate renderer's own browser
 * bundle, taken from its npm tarball (fetched once with `npm pack`), and our
 * renderer, bundled from the plugin's source with rspack. Both are kept in
 * node_modules/.cache/api-reference-bench, out of git's and prettier's way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { rspack, Stats } from '@rspack/core';

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

/** The files a harness page loads before it runs, entry first. */
const INITIAL_FILES = 'initial-files.json';

/**
 * Bundles a harness entry point (TSX) for the browser with rspack, the
 * bundler of the app itself (the Backstage CLI's), in production mode: code
 * behind a dynamic `import()` goes to chunks loaded only when asked for, and
 * unused exports of side-effect-free packages are left out, as in the app.
 * The entry's initial files are listed in `initial-files.json`; the page
 * names them all, as the app's index.html does.
 */
export async function bundleHarness(
  id: string,
  entryPoint: string,
): Promise<string> {
  const dir = path.join(CACHE, 'assets', id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const compiler = rspack({
    mode: 'production',
    target: 'web',
    devtool: false,
    entry: { harness: entryPoint },
    output: {
      path: dir,
      publicPath: `/assets/${id}/`,
      filename: '[name].js',
      chunkFilename: 'chunks/[name]-[contenthash].js',
    },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
          type: 'javascript/auto',
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.(svg|png|woff2?)$/, type: 'asset/inline' },
      ],
    },
    plugins: [
      new rspack.DefinePlugin({
        'process.env.NODE_ENV': JSON.stringify('production'),
      }),
    ],
    performance: { hints: false },
  });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error || !result) {
        reject(error ?? new Error('rspack gave no result'));
      } else if (result.hasErrors()) {
        reject(new Error(result.toString({ all: false, errors: true })));
      } else {
        resolve(result);
      }
    }),
  );
  const { entrypoints } = stats.toJson({ all: false, entrypoints: true });
  const initial = (entrypoints?.harness?.assets ?? [])
    .map(asset => asset.name)
    .filter(name => name.endsWith('.js'));
  fs.writeFileSync(path.join(dir, INITIAL_FILES), JSON.stringify(initial));
  return dir;
}

/** The files of a bundled harness that its page loads up front. */
export function initialFiles(id: string): string[] {
  const file = path.join(CACHE, 'assets', id, INITIAL_FILES);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
}

/**
 * Bytes of the files a renderer's page loads up front, as stored and
 * gzipped: a bundled harness's initial files, or every file of a package's
 * assets.
 */
export function assetSize(dir: string): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  const initial = initialFiles(path.basename(dir));
  const names =
    initial.length > 0
      ? initial
      : fs
          .readdirSync(dir, { withFileTypes: true })
          .filter(entry => entry.isFile())
          .map(entry => entry.name);
  for (const name of names) {
    const content = fs.readFileSync(path.join(dir, name));
    bytes += content.length;
    gzipBytes += zlib.gzipSync(content).length;
  }
  return { bytes, gzipBytes };
}
