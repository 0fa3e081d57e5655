import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SdkFiles } from '@readiness/plugin-api-portal-node';
import { TypeScriptSdkGenerator } from './TypeScriptSdkGenerator';

// The TypeScript generator runs in a child Node.js process
jest.setTimeout(60_000);

const MARKER = 'READINESS_MARKER_7f3a9c';

/** A small API whose `Secret` schema is the given $ref. */
function specReferring(ref: string) {
  return {
    openapi: '3.0.3',
    info: { title: 'Leaky', version: '1.0.0' },
    servers: [{ url: 'https://leaky.example.org' }],
    paths: {
      '/secret': {
        get: {
          operationId: 'getSecret',
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Secret' },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: { Secret: { $ref: ref } } },
  };
}

describe('the TypeScript generator given a definition with external $refs', () => {
  let dir: string;
  let markerFile: string;
  let server: http.Server;
  let requests: string[];
  let remote: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-refs-'));
    markerFile = path.join(dir, 'secret.json');
    const schema = JSON.stringify({
      type: 'object',
      description: MARKER,
      properties: { [MARKER]: { type: 'string' } },
    });
    fs.writeFileSync(markerFile, schema);
    requests = [];
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(schema);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    remote = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/secret.json`;
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise(resolve => server.close(resolve));
  });

  const refs = () => [
    ['an absolute file path', markerFile],
    ['a file: URL', pathToFileURL(markerFile).href],
    ['a loopback URL', remote],
  ];

  function expectNoMarker(files: SdkFiles | undefined) {
    for (const file of files ?? []) {
      expect(String(file.content)).not.toContain(MARKER);
    }
  }

  it('refuses each, naming the $ref and its place, and reads nothing', async () => {
    const generator = new TypeScriptSdkGenerator();
    for (const [, ref] of refs()) {
      let files: SdkFiles | undefined;
      const outcome = generator
        .generate({
          spec: specReferring(ref),
          packageName: 'leaky',
          packageVersion: '1.0.0',
          log: () => {},
        })
        .then(f => {
          files = f;
        });
      await expect(outcome).rejects.toThrow(
        `$ref '${ref}' at #/components/schemas/Secret`,
      );
      expectNoMarker(files);
    }
    expect(requests).toEqual([]);
  });
});
