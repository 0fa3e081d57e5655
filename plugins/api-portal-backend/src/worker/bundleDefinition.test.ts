import { InputError } from '@backstage/errors';
import { findExternalReferences } from '@readiness/plugin-api-portal-common';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bundleDefinition } from './readDefinition';
import { referenceLoader } from './referencePolicy';
import { WorkerPool } from './runWorker';

const MARKER = 'READINESS_MARKER_b41d07';

/** An API whose `Thing` schema is the given $ref. */
function definition(ref: string) {
  return {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0' },
    paths: {
      '/things': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Thing' },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: { Thing: { $ref: ref } } },
  };
}

describe('bundleDefinition', () => {
  let dir: string;
  let markerFile: string;
  let server: http.Server;
  let requests: string[];
  let base: string;
  const pools: WorkerPool[] = [];
  const pool = (
    options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {},
  ) => {
    const created = new WorkerPool({ size: 1, memoryMb: 256, ...options });
    pools.push(created);
    return created;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-refs-'));
    markerFile = path.join(dir, 'thing.yaml');
    fs.writeFileSync(markerFile, `type: string\ndescription: ${MARKER}\n`);
    requests = [];
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const bodies: Record<string, string> = {
        '/thing.yaml': [
          'type: object',
          'properties:',
          "  money: {$ref: './money.yaml'}",
          '',
        ].join('\n'),
        '/money.yaml': 'type: object\nproperties:\n  amount: {type: string}\n',
        '/leaky.yaml': `type: object\nproperties:\n  x: {$ref: '${markerFile}'}\n`,
        '/file-url.yaml': `type: object\nproperties:\n  x: {$ref: 'file://${markerFile}'}\n`,
      };
      const body = bodies[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/yaml' });
      res.end(body ?? '');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all(pools.map(p => p.close()));
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
  });

  const options = (workers: WorkerPool, allowRemoteRefs: boolean) => ({
    workers,
    allowRemoteRefs,
    timeoutMs: 20_000,
  });

  it('returns a document with internal $refs only as it is, without a worker', async () => {
    const workers = pool();
    const run = jest.spyOn(workers, 'run');
    const spec = definition('#/components/schemas/Other');
    await expect(bundleDefinition(spec, options(workers, false))).resolves.toBe(
      spec,
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses file references whatever the configuration, naming the $ref and its place', async () => {
    for (const allowRemoteRefs of [false, true]) {
      for (const ref of [
        markerFile,
        `file://${markerFile}`,
        'thing.yaml#/Thing',
      ]) {
        const outcome = bundleDefinition(
          definition(ref),
          options(pool(), allowRemoteRefs),
        );
        await expect(outcome).rejects.toThrow(InputError);
        await expect(outcome).rejects.toThrow(
          `$ref ${ref} not read: a definition is read on its own, without other files (at #/components/schemas/Thing)`,
        );
      }
    }
  });

  it('fetches no remote $ref unless apiPortal.lint.allowRemoteRefs is true', async () => {
    await expect(
      bundleDefinition(
        definition(`${base}/thing.yaml`),
        options(pool(), false),
      ),
    ).rejects.toThrow(
      `remote $ref ${base}/thing.yaml not fetched (apiPortal.lint.allowRemoteRefs is false) (at #/components/schemas/Thing)`,
    );
    expect(requests).toEqual([]);
  });

  it('fetches no remote $ref at a loopback address when remote refs are allowed', async () => {
    await expect(
      bundleDefinition(definition(`${base}/thing.yaml`), options(pool(), true)),
    ).rejects.toThrow(
      `remote $ref ${base}/thing.yaml not fetched: 127.0.0.1 is a loopback address (at #/components/schemas/Thing)`,
    );
    expect(requests).toEqual([]);
  });

  describe('with a loader that lets the test server through', () => {
    const loopbackAllowed = () =>
      pool({
        loadReference: referenceLoader({
          maxBytes: 1024 * 1024,
          timeoutMs: 5000,
          isAllowedAddress: () => true,
        }),
      });

    it('bundles remote documents into one with internal $refs only', async () => {
      const bundled = await bundleDefinition(
        definition(`${base}/thing.yaml`),
        options(loopbackAllowed(), true),
      );
      expect(findExternalReferences(bundled)).toEqual([]);
      expect(bundled.components.schemas).toMatchObject({
        Thing: { $ref: '#/components/schemas/thing' },
        thing: {
          type: 'object',
          properties: { money: { $ref: '#/components/schemas/money' } },
        },
        money: { properties: { amount: { type: 'string' } } },
      });
      expect(requests.sort()).toEqual(['/money.yaml', '/thing.yaml']);
    });

    it('never reads a file a remote document names', async () => {
      const fileUrl = bundleDefinition(
        definition(`${base}/file-url.yaml`),
        options(loopbackAllowed(), true),
      );
      await expect(fileUrl).rejects.toThrow(InputError);
      await expect(fileUrl).rejects.toThrow(
        `external $ref file://${markerFile} not read: a definition is read on its own, without other files (at #/properties/x of ${base}/file-url.yaml)`,
      );
      // A path in a remote document is a URL on the same server, not a file
      await expect(
        bundleDefinition(
          definition(`${base}/leaky.yaml`),
          options(loopbackAllowed(), true),
        ),
      ).rejects.toThrow(
        `remote $ref ${base}${markerFile} not fetched: answered 404 (at #/properties/x of ${base}/leaky.yaml)`,
      );
      expect(requests).toContain(markerFile);
    });
  });

  it('gives lint the same policy: a loopback $ref is a problem and is not fetched', async () => {
    const outcome = await pool().run(
      {
        type: 'lint',
        content: JSON.stringify(definition(`${base}/thing.yaml`)),
        absoluteRef: '/api-portal/test.json',
        allowRemoteRefs: true,
      },
      { timeoutMs: 20_000 },
    );
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'no-unresolved-refs',
          message: expect.stringContaining(
            `remote $ref ${base}/thing.yaml not fetched: 127.0.0.1 is a loopback address`,
          ),
        }),
      ]),
    );
    expect(requests).toEqual([]);
  });
});
