import { corpusPath } from '@readiness/test-corpus';
import childProcess, { type ChildProcess, execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { LEDGER_V2, readSpec, writeSdk } from './__testUtils__/specs';
import { TypeScriptSdkGenerator } from './TypeScriptSdkGenerator';

const realSpawn = childProcess.spawn;

/**
 * Type-checks a generated SDK with its own tsconfig.json; with `emit`, also
 * compiles it to dist/ as `npm run build` would.
 */
function typeCheck(dir: string, emit = false): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  if (parsed.fileNames.length < 10) {
    throw new Error(`only ${parsed.fileNames.length} files to check`);
  }
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: !emit },
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  if (emit) diagnostics.push(...program.emit().diagnostics);
  return diagnostics.map(d => {
    const where = d.file
      ? `${path.relative(dir, d.file.fileName)}:${
          d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1
        } `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const RUN_SCRIPT = `
import http from 'node:http';
import { client, listBalances } from './dist/index.js';

let seen;
const server = http.createServer((req, res) => {
  seen = { method: req.method, url: req.url, authorization: req.headers.authorization };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ asOf: '2025-01-31', data: [] }));
});
server.listen(0, '127.0.0.1', async () => {
  client.setConfig({
    baseUrl: 'http://127.0.0.1:' + server.address().port + '/ledger/v2',
    auth: () => 'test-token',
  });
  const { data } = await listBalances({
    query: { accountId: ['acc_1200', 'acc_6410'], asOf: '2025-01-31' },
  });
  console.log(JSON.stringify({ seen, data }));
  server.close();
});
`;

describe('TypeScriptSdkGenerator', () => {
  const generator = new TypeScriptSdkGenerator();
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(
      dirs.map(d => fs.rm(d, { recursive: true, force: true })),
    );
  });

  it('versions itself with the hey-api version', () => {
    expect(generator.language).toBe('typescript');
    expect(generator.version).toMatch(/^1\+openapi-ts\.\d+\.\d+\.\d+/);
  });

  it('generates a ledger v2 SDK that type-checks without diagnostics', async () => {
    const log: string[] = [];
    const started = Date.now();
    const files = await generator.generate({
      spec: readSpec(LEDGER_V2),
      packageName: '@example/ledger-api',
      packageVersion: '2.0.0',
      log: line => log.push(line),
    });
    // eslint-disable-next-line no-console
    console.info(`TypeScript SDK for ledger v2 in ${Date.now() - started} ms`);
    const paths = files.map(f => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'tsconfig.json',
        'README.md',
        'src/index.ts',
        'src/sdk.gen.ts',
        'src/types.gen.ts',
        'src/client.gen.ts',
        'src/client/index.ts',
      ]),
    );
    const manifest = JSON.parse(
      String(files.find(f => f.path === 'package.json')!.content),
    );
    expect(manifest).toMatchObject({
      name: '@example/ledger-api',
      version: '2.0.0',
      type: 'module',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      dependencies: {},
    });
    const sdk = String(files.find(f => f.path === 'src/sdk.gen.ts')!.content);
    expect(sdk).toContain('export const createJournalEntry');
    expect(sdk).toContain('export const listBalances');
    const readme = String(files.find(f => f.path === 'README.md')!.content);
    expect(readme).toContain(
      "import { client, listJournalEntries } from '@example/ledger-api'",
    );
    expect(readme).toContain("baseUrl: 'https://api.example.com/ledger/v2'");
    expect(log.some(l => l.includes('@hey-api/openapi-ts'))).toBe(true);

    const index = String(files.find(f => f.path === 'src/index.ts')!.content);
    expect(index).toContain(
      "export { client, type CreateClientConfig } from './client.gen.js';",
    );

    const dir = await writeSdk(files, 'ts-sdk-ledger-');
    dirs.push(dir);
    expect(typeCheck(dir, true)).toEqual([]);

    // The compiled SDK, run by plain Node.js against a mock of one operation.
    await fs.writeFile(path.join(dir, 'run.mjs'), RUN_SCRIPT);
    const run = await new Promise<{ stdout: string; stderr: string }>(resolve =>
      execFile(
        process.execPath,
        ['run.mjs'],
        { cwd: dir, timeout: 30_000 },
        (_e, stdout, stderr) => resolve({ stdout, stderr }),
      ),
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      seen: {
        method: 'GET',
        url: '/ledger/v2/balances?accountId=acc_1200&accountId=acc_6410&asOf=2025-01-31',
        authorization: 'Bearer test-token',
      },
      data: { asOf: '2025-01-31', data: [] },
    });
  }, 60_000);

  it('accepts Swagger 2.0', async () => {
    const files = await generator.generate({
      spec: {
        swagger: '2.0',
        info: { title: 'Pets', version: '1' },
        host: 'pets.example.com',
        basePath: '/v1',
        paths: {
          '/pets/{id}': {
            get: {
              operationId: 'getPet',
              parameters: [
                { name: 'id', in: 'path', required: true, type: 'string' },
              ],
              responses: {
                '200': {
                  description: 'ok',
                  schema: { $ref: '#/definitions/Pet' },
                },
              },
            },
          },
        },
        definitions: {
          Pet: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
      packageName: 'pets',
      packageVersion: '1',
      log: () => {},
    });
    expect(files.find(f => f.path === 'package.json')!.content).toContain(
      '"version": "1.0.0"',
    );
    const dir = await writeSdk(files, 'ts-sdk-swagger-');
    dirs.push(dir);
    expect(typeCheck(dir)).toEqual([]);
  }, 60_000);

  it('rejects documents that are not OpenAPI with a clear message', async () => {
    await expect(
      generator.generate({
        spec: { foo: 1 },
        packageName: 'x',
        packageVersion: '1',
        log: () => {},
      }),
    ).rejects.toThrow(
      "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
    );
    await expect(
      generator.generate({
        spec: { swagger: '1.2' },
        packageName: 'x',
        packageVersion: '1',
        log: () => {},
      }),
    ).rejects.toThrow('Swagger 1.2 is not supported');
  });

  it('reports what the library rejected', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Broken', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Missing' },
                  },
                },
              },
            },
          },
        },
      },
    };
    await expect(
      generator.generate({
        spec,
        packageName: 'broken',
        packageVersion: '1',
        log: () => {},
      }),
    ).rejects.toThrow(
      /^The TypeScript generator \(@hey-api\/openapi-ts\) rejected the API description: /,
    );
  }, 30_000);

  it('kills the generator process when aborted', async () => {
    const controller = new AbortController();
    const children: ChildProcess[] = [];
    const spawn = jest.spyOn(childProcess, 'spawn').mockImplementation(((
      ...args: Parameters<typeof childProcess.spawn>
    ) => {
      const child = realSpawn(...args);
      children.push(child);
      // Aborted as soon as the generator runs, not after some time
      child.once('spawn', () => controller.abort());
      return child;
    }) as typeof childProcess.spawn);
    try {
      const run = generator.generate({
        spec: readSpec(LEDGER_V2),
        packageName: 'ledger',
        packageVersion: '2.0.0',
        signal: controller.signal,
        log: () => {},
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(children).toHaveLength(1);
      // The process was killed, it did not finish its work
      expect(children[0].signalCode).toBe('SIGKILL');
      expect(children[0].exitCode).toBeNull();
    } finally {
      spawn.mockRestore();
    }
  });

  it('generates the huge Stripe spec without throwing', async () => {
    const spec = readSpec(corpusPath('openapi', 'stripe', 'spec3.yaml'));
    const started = Date.now();
    const files = await generator.generate({
      spec,
      packageName: 'stripe-sdk',
      packageVersion: '2023-08-16',
      log: () => {},
    });
    const ms = Date.now() - started;
    // eslint-disable-next-line no-console
    console.info(
      `TypeScript SDK for Stripe (4 MB) in ${ms} ms, ${files.length} files`,
    );
    expect(files.find(f => f.path === 'package.json')!.content).toContain(
      '"version": "2023.8.16"',
    );
    expect(
      String(files.find(f => f.path === 'src/sdk.gen.ts')!.content).length,
    ).toBeGreaterThan(100_000);
  }, 120_000);
});
