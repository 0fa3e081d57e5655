import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toPostmanCollection } from './postman';

describe('toPostmanCollection given a definition with external $refs', () => {
  const MARKER = 'READINESS_MARKER_0b94d1';
  let dir: string;
  let markerFile: string;
  let server: http.Server;
  let requests: string[];
  let remote: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postman-refs-'));
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

  it('refuses each, naming the $ref and its place, and reads nothing', async () => {
    for (const ref of [markerFile, pathToFileURL(markerFile).href, remote]) {
      let collection: unknown;
      const outcome = toPostmanCollection(specReferring(ref)).then(c => {
        collection = c;
      });
      await expect(outcome).rejects.toThrow(
        `$ref '${ref}' at #/components/schemas/Secret`,
      );
      expect(JSON.stringify(collection ?? {})).not.toContain(MARKER);
    }
    expect(requests).toEqual([]);
  });
});
