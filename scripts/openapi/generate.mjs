#!/usr/bin/env node
// Generates the typed, validating router module of a spec-first backend:
// <package>/src/schema/openapi.yaml → <package>/src/schema/openapi.generated.ts,
// exporting the spec `as const` and `createOpenApiRouter`, which validates every
// request and response against it (@backstage/backend-openapi-utils).
//
//   node scripts/openapi/generate.mjs plugins/reliability-backend [--check]
//
// --check fails when the generated module is not up to date (run by the tests).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('yaml');
const prettier = require('prettier');

const [packageDir, flag] = process.argv.slice(2);
if (!packageDir) {
  console.error('usage: generate.mjs <package dir> [--check]');
  process.exit(2);
}
const source = path.join(packageDir, 'src/schema/openapi.yaml');
const target = path.join(packageDir, 'src/schema/openapi.generated.ts');
const spec = yaml.parse(fs.readFileSync(source, 'utf8'));

const text = `// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
const config = (await prettier.resolveConfig(target)) ?? {};
const formatted = await prettier.format(text, { ...config, filepath: target });

if (flag === '--check') {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== formatted) {
    console.error(
      `${target} is out of date; run: node scripts/openapi/generate.mjs ${packageDir}`,
    );
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  fs.writeFileSync(target, formatted);
  console.log(`wrote ${target}`);
}
