// Builds static HTML reference docs of the sample services' OpenAPI
// definitions into docs/api/ (git-ignored), with Redocly's build-docs. The
// pages load Redoc from a copy next to them, not from a CDN, so they work on
// a machine without internet access.
//
//   yarn build:api-docs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const out = path.join(root, 'docs', 'api');
const require = createRequire(import.meta.url);
const redocly = path.join(root, 'node_modules', '.bin', 'redocly');
const redocBundle = require.resolve('redoc/bundles/redoc.standalone.js', {
  paths: [root],
});

const specs = fs
  .readdirSync(path.join(root, 'services'))
  .flatMap(service =>
    fs
      .readdirSync(path.join(root, 'services', service))
      .filter(name => /^openapi.*\.ya?ml$/.test(name))
      .map(name => ({ service, name })),
  )
  .sort((a, b) =>
    `${a.service}/${a.name}`.localeCompare(`${b.service}/${b.name}`),
  );

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(redocBundle, path.join(out, 'redoc.standalone.js'));

const pages = [];
for (const { service, name } of specs) {
  const target = path.join(out, service, name.replace(/\.ya?ml$/, '.html'));
  execFileSync(
    redocly,
    [
      'build-docs',
      path.join('services', service, name),
      '--output',
      target,
      '--disableGoogleFont',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const html = fs.readFileSync(target, 'utf8');
  const local = html.replace(
    /src="https:\/\/[^"]*\/redoc\.standalone\.js"/,
    'src="../redoc.standalone.js"',
  );
  if (local === html) {
    throw new Error(
      `${target}: no Redoc script tag to point at the local copy`,
    );
  }
  fs.writeFileSync(target, local);
  pages.push(`${service}/${path.basename(target)}`);
}

fs.writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API reference docs</title></head>
<body><h1>API reference docs</h1><ul>
${pages.map(p => `<li><a href="${p}">${p}</a></li>`).join('\n')}
</ul></body></html>
`,
);
console.log(`built ${pages.length} reference pages into docs/api/`);
