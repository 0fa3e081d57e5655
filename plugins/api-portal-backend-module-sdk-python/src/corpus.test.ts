import { findExternalReferences } from '@readiness/plugin-api-portal-common';
import { corpusPath } from '@readiness/test-corpus';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runPython } from './__testUtils__/python';
import { corpusSpecFiles, readSpec, writeSdk } from './__testUtils__/specs';
import type { SdkFiles } from '@readiness/plugin-api-portal-node';
import { PythonSdkGenerator } from './PythonSdkGenerator';

/**
 * Every document of the OpenAPI corpus: those that parse either give a
 * package whose modules compile and import, or an Error with a message.
 */
describe('PythonSdkGenerator on the OpenAPI corpus', () => {
  const generator = new PythonSdkGenerator();
  const files = corpusSpecFiles();
  const outcomes: string[] = [];
  const dirs: string[] = [];

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.info(outcomes.join('\n'));
    await Promise.all(
      dirs.map(d => fs.rm(d, { recursive: true, force: true })),
    );
  });

  /** Compiles and imports a generated package; returns what happened. */
  async function checkPackage(
    generated: SdkFiles,
    ms: number,
  ): Promise<string> {
    const dir = await writeSdk(generated, 'py-corpus-');
    dirs.push(dir);
    const modules = generated
      .filter(f => f.path.endsWith('.py'))
      .map(f => f.path);
    const compiled = await runPython(['-m', 'py_compile', ...modules], {
      cwd: dir,
    });
    if (compiled.code !== 0) return `py_compile failed: ${compiled.stderr}`;
    const script = [
      'import typing, corpus_sdk',
      'for name in corpus_sdk.models.__all__:',
      '    model = getattr(corpus_sdk.models, name)',
      '    if isinstance(model, type):',
      '        typing.get_type_hints(model)',
    ].join('\n');
    const imported = await runPython(['-c', script], {
      cwd: dir,
      env: { PYTHONPATH: dir },
    });
    if (imported.code !== 0) return `import failed: ${imported.stderr}`;
    return `generated in ${ms} ms, compiles, imports, model hints resolve`;
  }

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(23);
  });

  it.each(files.map(f => [path.relative(corpusPath('openapi'), f), f]))(
    '%s',
    async (name, file) => {
      let spec: Record<string, unknown>;
      try {
        spec = readSpec(file);
      } catch (error) {
        outcomes.push(
          `${name}: skipped, does not parse (${String(error).slice(0, 80)})`,
        );
        return;
      }
      const started = Date.now();
      const verdict = await generator
        .generate({
          spec,
          packageName: 'corpus-sdk',
          packageVersion: '1.0.0',
          log: () => {},
        })
        .then(
          generated => checkPackage(generated, Date.now() - started),
          (error: unknown) =>
            error instanceof Error && /\w{3,}/.test(error.message)
              ? `rejected: ${error.message}`
              : `failed without a message: ${String(error)}`,
        );
      outcomes.push(`${name}: ${verdict}`);
      // API descriptions must generate, unless they name other files (the
      // backend bundles those first; a generator is never given one);
      // other YAML may only be rejected clearly.
      const isApi = 'openapi' in spec || 'swagger' in spec;
      let expected = /^generated in \d+ ms, compiles/;
      if (!isApi) {
        expected = /^(generated in|rejected: )/;
      } else if (findExternalReferences(spec).length > 0) {
        expected =
          /^rejected: The API description is not self-contained: \$ref '/;
      }
      expect(verdict).toMatch(expected);
    },
    120_000,
  );
});
