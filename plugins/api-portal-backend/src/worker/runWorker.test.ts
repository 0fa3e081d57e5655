import http from 'node:http';
import { AddressInfo } from 'node:net';
import { inspectDefinition } from '../collection/inspectDefinition';
import {
  WorkerPool,
  WorkerPoolClosedError,
  WorkerTimeoutError,
} from './runWorker';

const limits = { timeoutMs: 20_000 };

const pools: WorkerPool[] = [];
function pool(size = 1, idleMs?: number) {
  const created = new WorkerPool({
    size,
    memoryMb: 256,
    ...(idleMs !== undefined && { idleMs }),
  });
  pools.push(created);
  return created;
}

afterAll(() => Promise.all(pools.map(p => p.close())));

const parseTask = (content: string) => ({
  type: 'parse' as const,
  content,
  maxAliasCount: 100,
});

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

describe('WorkerPool', () => {
  const workers = pool(2);

  it('reads the top-level fields of JSON and YAML definitions', async () => {
    await expect(
      workers.run(
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
      workers.run(
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
      workers.run({ type: 'parse', content, maxAliasCount: 100 }, limits);
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
      workers.run(
        {
          type: 'parse',
          content: 'a: 1\n'.repeat(200_000),
          maxAliasCount: 100,
        },
        { timeoutMs: 1 },
      ),
    ).rejects.toBeInstanceOf(WorkerTimeoutError);
  });

  it('replaces a stopped worker and goes on with the queued tasks', async () => {
    const single = pool(1);
    const slow = single.run(parseTask('a: 1\n'.repeat(200_000)), {
      timeoutMs: 1,
    });
    const next = single.run(parseTask('openapi: 3.1.0\n'), limits);
    await expect(slow).rejects.toBeInstanceOf(WorkerTimeoutError);
    await expect(next).resolves.toMatchObject({
      top: { openapi: '3.1.0' },
    });
  });

  it('runs as many tasks at once as it has workers, and the rest in order', async () => {
    const two = pool(2);
    const finished: number[] = [];
    const runs = [0, 1, 2, 3, 4].map(i =>
      two.run(parseTask(`openapi: 3.0.${i}\n`), limits).then(outcome => {
        finished.push(i);
        return outcome;
      }),
    );
    const outcomes = await Promise.all(runs);
    expect(
      outcomes.map(o => ('top' in o && o.top.mapping ? o.top.openapi : '')),
    ).toEqual(['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4']);
    expect(finished).toHaveLength(5);
  });

  it('stops idle workers and starts them again for new work', async () => {
    const idle = pool(1, 20);
    expect(idle.liveWorkers).toBe(0);
    await idle.run(parseTask('swagger: "2.0"\n'), limits);
    expect(idle.liveWorkers).toBe(1);
    // Stopped once idle for 20 ms (polled: no assertion on the time it took)
    while (idle.liveWorkers > 0) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    await expect(
      idle.run(parseTask('swagger: "2.0"\n'), limits),
    ).resolves.toMatchObject({ top: { swagger: '2.0' } });
    expect(idle.liveWorkers).toBe(1);
  });

  it('keeps a worker that is not idle long enough', async () => {
    const kept = pool(1, 60_000);
    await kept.run(parseTask('swagger: "2.0"\n'), limits);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(kept.liveWorkers).toBe(1);
  });

  it('refuses work once closed, and rejects what was queued', async () => {
    const closing = pool(1);
    const running = closing.run(parseTask('a: 1\n'.repeat(50_000)), limits);
    const queued = closing.run(parseTask('a: 1\n'), limits);
    // Settled before close() rejects them, so no rejection goes unhandled
    const settled = Promise.allSettled([running, queued]);
    await closing.close();
    const outcomes = await settled;
    expect(
      outcomes.map(o => (o.status === 'rejected' ? o.reason.message : o)),
    ).toEqual(['the worker pool is closed', 'the worker pool is closed']);
    await expect(closing.run(parseTask('a: 1\n'), limits)).rejects.toThrow(
      'closed',
    );
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
      const outcome = await workers.run(
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

describe('a closed pool', () => {
  it('is not taken for a verdict on the definition', async () => {
    const closed = new WorkerPool({ size: 1, memoryMb: 256 });
    await closed.close();
    // Not a `failed` revision: the definition is read again after a restart
    await expect(
      inspectDefinition(
        'openapi',
        'openapi: 3.1.0\n',
        {
          maxSpecBytes: 1024 * 1024,
          maxYamlAliases: 100,
          timeoutMs: 20_000,
          memoryMb: 256,
        },
        closed,
      ),
    ).rejects.toBeInstanceOf(WorkerPoolClosedError);
  });
});
