import { corpusPath } from '@readiness/test-corpus';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runPython } from './__testUtils__/python';
import { LEDGER_V2, readSpec, writeSdk } from './__testUtils__/specs';
import type { SdkFiles } from '@readiness/plugin-api-portal-node';
import { PythonSdkGenerator } from './PythonSdkGenerator';

const generator = new PythonSdkGenerator();
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map(d => fs.rm(d, { recursive: true, force: true })));
});

function content(files: SdkFiles, file: string): string {
  const found = files.find(f => f.path === file);
  if (!found) throw new Error(`no ${file} in ${files.map(f => f.path)}`);
  return String(found.content);
}

/** py_compile every module, then import the package and resolve every model's hints. */
async function compileAndImport(files: SdkFiles, module: string) {
  const dir = await writeSdk(files, 'py-sdk-');
  dirs.push(dir);
  const modules = files.filter(f => f.path.endsWith('.py')).map(f => f.path);
  const compiled = await runPython(['-m', 'py_compile', ...modules], {
    cwd: dir,
  });
  expect(compiled.stderr).toBe('');
  expect(compiled.code).toBe(0);
  const imported = await runPython(
    [
      '-c',
      [
        'import typing',
        `import ${module} as sdk`,
        'for name in sdk.models.__all__:',
        '    model = getattr(sdk.models, name)',
        '    if isinstance(model, type):',
        '        typing.get_type_hints(model)',
        'print(len(sdk.models.__all__))',
      ].join('\n'),
    ],
    { cwd: dir, env: { PYTHONPATH: dir } },
  );
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  return dir;
}

describe('PythonSdkGenerator', () => {
  it('builds a typed package for the ledger v2 spec', async () => {
    const log: string[] = [];
    const started = Date.now();
    const files = await generator.generate({
      spec: readSpec(LEDGER_V2),
      packageName: 'ledger-api',
      packageVersion: '2.0.0',
      log: line => log.push(line),
    });
    // eslint-disable-next-line no-console
    console.info(`Python SDK for ledger v2 in ${Date.now() - started} ms`);
    expect(files.map(f => f.path).sort()).toEqual([
      'README.md',
      'ledger_api/__init__.py',
      'ledger_api/client.py',
      'ledger_api/models.py',
      'ledger_api/py.typed',
      'pyproject.toml',
    ]);
    expect(log).toContain('13 models, 7 operations');

    const pyproject = content(files, 'pyproject.toml');
    expect(pyproject).toContain('name = "ledger-api"');
    expect(pyproject).toContain('version = "2.0.0"');
    expect(pyproject).toContain('requires-python = ">=3.9"');
    expect(pyproject).toContain('dependencies = []');
    expect(pyproject).toContain('build-backend = "setuptools.build_meta"');

    const models = content(files, 'ledger_api/models.py');
    expect(models).toContain(
      'JournalEntryStatus = Literal["posted", "reversed"]',
    );
    expect(models).toContain(
      'class JournalEntry(_JournalEntryRequired, total=False):',
    );
    expect(models).toContain('    lines: List["JournalLine"]');
    expect(models).toContain('    reversalOf: Optional[str]');
    expect(models).toContain('    side: Literal["debit", "credit"]');
    // The inline response of listBalances becomes a model of its own.
    expect(models).toContain('class ListBalancesResponse(TypedDict):');

    const client = content(files, 'ledger_api/client.py');
    expect(client).not.toMatch(/^import (?!base64|json|re|urllib)/m);
    expect(client).toContain(
      'DEFAULT_BASE_URL = "https://api.example.com/ledger/v2"',
    );
    expect(client).toContain(
      '    def list_balances(\n        self,\n        account_id: List[str],\n        *,\n        as_of: Optional[str] = None,\n    ) -> models.ListBalancesResponse:',
    );
    expect(client).toContain(
      '    def create_journal_entry(\n        self,\n        body: models.NewJournalEntry,\n    ) -> models.JournalEntry:',
    );
    expect(client).toContain('def fetch_client_credentials_token(');

    const readme = content(files, 'README.md');
    expect(readme).toContain('pip install ./the-downloaded-archive.tar.gz');
    expect(readme).toContain(
      'fetch_client_credentials_token("my-client-id", "my-client-secret"',
    );
    expect(readme).toContain('result = client.list_journal_entries()');
    expect(readme).toContain('result = client.get_journal_entry("<entryId>")');

    await compileAndImport(files, 'ledger_api');
  }, 60_000);

  it('writes valid Python for awkward names and schemas', async () => {
    const spec = {
      openapi: '3.0.3',
      info: {
        title: 'Awkward "quotes" \\ and\u0000nul',
        version: '2024-01-15',
      },
      servers: [{ url: '/relative' }],
      components: {
        securitySchemes: {
          key: { type: 'apiKey', in: 'query', name: 'api-key' },
          partner: { type: 'apiKey', in: 'header', name: 'X-Partner' },
          basic: { type: 'http', scheme: 'basic' },
          mtls: { type: 'mutualTLS' },
        },
        schemas: {
          class: {
            type: 'object',
            properties: {
              from: { type: 'string' },
              'odd-key': { type: 'integer' },
              __dunder: { type: 'boolean' },
            },
            required: ['from'],
          },
          Class: { type: 'string', enum: ['a', 1, true, null] },
          '1st': { $ref: '#/components/schemas/Any' },
          Any: { $ref: '#/components/schemas/1st' },
          List: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          Node: {
            type: 'object',
            properties: {
              children: {
                type: 'array',
                items: { $ref: '#/components/schemas/Node' },
              },
              meta: {
                type: 'object',
                additionalProperties: { type: 'number' },
              },
              nested: {
                type: 'object',
                properties: {
                  deeper: {
                    type: 'object',
                    properties: { x: { type: 'string', nullable: true } },
                  },
                },
              },
              missing: { $ref: '#/components/schemas/Nope' },
              floats: { enum: [1.5, 2.5] },
              union: {
                oneOf: [
                  { type: 'string' },
                  { $ref: '#/components/schemas/class' },
                ],
              },
            },
          },
          Merged: {
            allOf: [
              { $ref: '#/components/schemas/class' },
              { type: 'object', properties: { extra: { type: 'string' } } },
            ],
          },
          Alias: { $ref: '#/components/schemas/Node' },
          AliasOfAlias: { $ref: '#/components/schemas/Alias' },
        },
      },
      paths: {
        '/items/{id}/{undeclared}': {
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'integer' },
            },
          ],
          get: {
            operationId: 'import',
            parameters: [
              { name: 'self', in: 'query', schema: { type: 'string' } },
              { name: 'id', in: 'header', schema: { type: 'string' } },
              { name: 'session', in: 'cookie', schema: { type: 'string' } },
            ],
            security: [{ key: [], partner: [] }, { basic: [] }, { mtls: [] }],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/List' },
                  },
                },
              },
            },
          },
          post: {
            operationId: 'import',
            requestBody: {
              content: {
                'application/x-www-form-urlencoded': {
                  schema: {
                    type: 'object',
                    properties: { a: { type: 'string' } },
                  },
                },
              },
            },
            responses: { '204': { description: 'none' } },
          },
          put: {
            requestBody: {
              required: true,
              content: {
                'application/pdf': {
                  schema: { type: 'string', format: 'binary' },
                },
              },
            },
            responses: {
              '200': { description: 'pdf', content: { 'application/pdf': {} } },
            },
          },
        },
      },
    };
    const log: string[] = [];
    const files = await generator.generate({
      spec,
      packageName: '@acme/2-Class',
      packageVersion: '2024-01-15',
      log: line => log.push(line),
    });
    expect(log).toEqual(
      expect.arrayContaining([
        "version '2024-01-15' written as '2024.1.15' (PEP 440)",
        "warning: $ref '#/components/schemas/Nope' points at nothing; typed as Any",
        "warning: security scheme 'mtls' (mutualTLS) is not supported; it is ignored",
      ]),
    );
    const models = content(files, 'sdk_2_class/models.py');
    // `class` is a keyword and `odd-key` no identifier: functional syntax.
    expect(models).toContain(
      '_ClassRequired = TypedDict("_ClassRequired", {\n        "from": str,\n    })',
    );
    expect(models).toContain('class Class(_ClassRequired, _ClassOptional):');
    expect(models).toContain('Class_ = Optional[Literal["a", 1, True]]');
    // `Any` is taken by typing; the two aliases of each other become Any.
    expect(models).toContain('Any_ = Any\n\n\nModel1st = Any_');
    expect(models).toContain('Alias = Node\n\n\nAliasOfAlias = Alias');
    expect(models).toContain('    floats: float');
    expect(models).toContain('class Merged(_MergedRequired, _MergedOptional):');
    const client = content(files, 'sdk_2_class/client.py');
    expect(client).toContain('    def import_(\n');
    expect(client).toContain('    def import_2(\n');
    expect(client).toContain('    def put_items_id_undeclared(\n');
    expect(client).toContain('        self_: Optional[str] = None,');
    expect(client).toContain('DEFAULT_BASE_URL = ""');
    const dir = await compileAndImport(files, 'sdk_2_class');
    const signature = await runPython(
      [
        '-c',
        'import inspect, sdk_2_class as s; print(inspect.signature(s.Client.import_))',
      ],
      { cwd: dir, env: { PYTHONPATH: dir } },
    );
    expect(signature.stdout.trim()).toBe(
      "(self, id: int, undeclared: str, *, self_: Optional[str] = None, id_: Optional[str] = None, session: Optional[str] = None) -> List[ForwardRef('Node')]",
    );
  }, 60_000);

  it.each([
    [null, 'The API description is not a JSON/YAML object'],
    [[], 'The API description is not a JSON/YAML object'],
    [
      { info: {} },
      "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
    ],
    [
      { openapi: '4.0.0' },
      'OpenAPI 4.0.0 is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are',
    ],
  ])('rejects %j with a clear message', async (spec, message) => {
    await expect(
      generator.generate({
        spec: spec as object,
        packageName: 'x',
        packageVersion: '1',
        log: () => {},
      }),
    ).rejects.toThrow(message);
  });

  it('tells how to install the archive and what to import, as the package names it', () => {
    const instructions = (packageName: string) =>
      generator.instructions({ fileName: 'x-python.tar.gz', packageName });
    expect(instructions('ledger-api')).toEqual({
      install: 'pip install x-python.tar.gz',
      usage: 'import ledger_api',
    });
    expect(instructions('3d-secure').usage).toBe('import sdk_3d_secure');
    expect(instructions('import').usage).toBe('import import_');
    expect(instructions('@acme/…').usage).toBeUndefined();
  });

  it('rejects a package name without letters or digits', async () => {
    await expect(
      generator.generate({
        spec: { openapi: '3.1.0' },
        packageName: '@/-',
        packageVersion: '1',
        log: () => {},
      }),
    ).rejects.toThrow(
      "Package name '@/-' has no letters or digits to name a Python package",
    );
  });

  it('stops a big build when aborted', async () => {
    const spec = readSpec(corpusPath('openapi', 'stripe', 'spec3.yaml'));
    const controller = new AbortController();
    const logged: string[] = [];
    const run = generator.generate({
      spec,
      packageName: 'stripe',
      packageVersion: '1',
      signal: controller.signal,
      log: line => {
        logged.push(line);
        // Aborted as soon as the build starts, before any model is written
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // It stopped at its first checkpoint: it never reached the summary
    expect(logged).toEqual([expect.stringMatching(/^generating stripe /)]);
  }, 60_000);

  it('generates the huge Stripe spec', async () => {
    const spec = readSpec(corpusPath('openapi', 'stripe', 'spec3.yaml'));
    const started = Date.now();
    const files = await generator.generate({
      spec,
      packageName: 'stripe',
      packageVersion: '2023-08-16',
      log: () => {},
    });
    // eslint-disable-next-line no-console
    console.info(`Python SDK for Stripe (4 MB) in ${Date.now() - started} ms`);
    expect(content(files, 'stripe/models.py').length).toBeGreaterThan(500_000);
    expect(path.basename(files[0].path)).toBe('pyproject.toml');
  }, 60_000);
});
