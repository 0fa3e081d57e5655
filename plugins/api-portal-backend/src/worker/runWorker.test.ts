import http from 'node:http';
import { AddressInfo } from 'node:net';
import { runInWorker, WorkerTimeoutError } from './runWorker';

const limits = { timeoutMs: 20_000, memoryMb: 256 };

function aliasBomb(levels: number): string {
  const lines = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let i = 1; i < levels; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('runInWorker', () => {
  it('reads the top-level fields of JSON and YAML definitions', async () => {
    await expect(
      runInWorker(
        {
          type: 'parse',
          content: '{"openapi":"3.1.0","info":{"version":"2.0.0","title":"T"}}',
          maxAliasCount: 100,
        },
        limits,
      ),
    ).resolves.toMatchObject({
      syntax: 'json',
      top: { mapping: true, openapi: '3.1.0', infoVersion: '2.0.0' },
    });
    await expect(
      runInWorker(
        {
          type: 'parse',
          content: 'swagger: "2.0"\ninfo: {version: 1.2}\n',
          maxAliasCount: 100,
        },
        limits,
      ),
    ).resolves.toMatchObject({
      syntax: 'yaml',
      top: { swagger: '2.0', infoVersion: '1.2' },
    });
  });

  it('names invalid YAML, invalid JSON and alias bombs', async () => {
    const parse = (content: string) =>
      runInWorker({ type: 'parse', content, maxAliasCount: 100 }, limits);
    await expect(parse('a: [1, 2\nb: }')).resolves.toMatchObject({
      error: { code: 'invalid-yaml' },
    });
    await expect(parse('{"openapi": "3.0.0",}x')).resolves.toMatchObject({
      error: { code: 'invalid-json' },
    });
    await expect(parse(aliasBomb(9))).resolves.toMatchObject({
      error: { code: 'yaml-alias-limit' },
    });
  });

  it('stops a task at the time limit', async () => {
    await expect(
      runInWorker(
        {
          type: 'parse',
          content: 'a: 1\n'.repeat(200_000),
          maxAliasCount: 100,
        },
        { timeoutMs: 1, memoryMb: 256 },
      ),
    ).rejects.toBeInstanceOf(WorkerTimeoutError);
  });

  it('lints without fetching remote references', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('type: string');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const outcome = await runInWorker(
        {
          type: 'lint',
          content: [
            'openapi: 3.0.3',
            'info: {title: T, version: 1.0.0}',
            'paths:',
            '  /a:',
            '    get:',
            '      responses:',
            "        '200':",
            '          description: ok',
            '          content:',
            '            application/json:',
            `              schema: {$ref: 'http://127.0.0.1:${port}/s.yaml'}`,
            '',
          ].join('\n'),
          absoluteRef: '/api-portal/test.yaml',
          allowRemoteRefs: false,
        },
        limits,
      );
      expect(requests).toBe(0);
      expect(outcome.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'no-unresolved-refs',
            message: expect.stringContaining('not fetched'),
            line: 11,
          }),
        ]),
      );
    } finally {
      server.close();
    }
  });
});
