import http from 'node:http';
import { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusPath, repositoryPath } from '@readiness/test-corpus';
import { run } from './index';

type Seen = {
  method: string;
  url: string;
  auth?: string;
  type?: string;
  body: Buffer;
};

describe('readiness-ci', () => {
  let server: http.Server;
  let url: string;
  const seen: Seen[] = [];
  let gateStatus = 'pass';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        seen.push({
          method: req.method!,
          url: req.url!,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          body: Buffer.concat(chunks),
        });
        res.setHeader('Content-Type', 'application/json');
        if (req.headers.authorization !== 'Bearer secret') {
          res.statusCode = 401;
          res.end(
            JSON.stringify({
              error: { name: 'AuthenticationError', message: 'Invalid token' },
              response: { statusCode: 401 },
            }),
          );
          return;
        }
        if (req.url === '/api/reliability/v1/drills') {
          const { drill } = JSON.parse(Buffer.concat(chunks).toString());
          res.statusCode = 201;
          res.end(
            JSON.stringify({
              created: true,
              drill: {
                ...drill,
                source: 'push:k',
                achievedRtoMinutes: 38,
                achievedRpoMinutes: 4,
              },
            }),
          );
          return;
        }
        if (req.url === '/api/reliability/v1/backups') {
          res.statusCode = 200;
          res.end(
            JSON.stringify({
              created: false,
              verification: JSON.parse(Buffer.concat(chunks).toString()),
            }),
          );
          return;
        }
        if (req.url!.startsWith('/api/reliability/v1/gates/')) {
          res.end(
            JSON.stringify({
              id: 'v1',
              entityRef: 'component:default/ledger',
              release: '2026.11.4',
              environment: 'staging',
              status: gateStatus,
              runIds: ['r1'],
              reasons: [
                {
                  input: 'slo',
                  subject: 'post-latency',
                  status: gateStatus,
                  message: 'p(95) was 250',
                },
              ],
              decidedAt: '2026-11-27T10:00:00Z',
            }),
          );
          return;
        }
        res.statusCode = 201;
        res.end(
          JSON.stringify({
            created: true,
            warnings: ['a warning'],
            run: {
              id: 'r1',
              format: 'k6-handle-summary',
              thresholdsPassed: false,
            },
          }),
        );
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    seen.length = 0;
  });

  function output() {
    const lines = { out: [] as string[], err: [] as string[] };
    return {
      lines,
      io: {
        out: (l: string) => lines.out.push(l),
        err: (l: string) => lines.err.push(l),
      },
    };
  }

  const publishArgs = [
    'publish',
    '--entity',
    'component:default/ledger',
    '--scenario',
    'ledger-post',
    '--environment',
    'staging',
    '--release',
    '2026.11.4',
    '--started',
    '2026-11-27T10:00:00Z',
    '--finished',
    '2026-11-27T10:05:00Z',
    '--exit-code',
    '99',
    '--key',
    'ci-1',
  ];

  it('publishes a summary file with the run metadata', async () => {
    const { lines, io } = output();
    const code = await run(
      [
        '--url',
        url,
        '--token',
        'secret',
        ...publishArgs,
        corpusPath('k6', 'petro-transfers', 'results.json'),
      ],
      io,
    );
    expect(code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/reliability/v1/runs',
      auth: 'Bearer secret',
    });
    const body = JSON.parse(seen[0].body.toString('utf8'));
    expect(body.run).toEqual({
      entityRef: 'component:default/ledger',
      scenario: 'ledger-post',
      environment: 'staging',
      release: '2026.11.4',
      startedAt: '2026-11-27T10:00:00Z',
      finishedAt: '2026-11-27T10:05:00Z',
      k6ExitCode: 99,
      idempotencyKey: 'ci-1',
    });
    expect(body.results.metrics.http_req_duration).toBeDefined();
    expect(lines.out).toEqual([
      'published run r1 (k6-handle-summary); thresholds failed',
    ]);
    expect(lines.err).toEqual(['warning: a warning']);
  });

  it('publishes a JSON stream to the stream endpoint, token from the environment', async () => {
    const { io } = output();
    const code = await run(
      [
        ...publishArgs,
        corpusPath('k6', 'redis-operator-jsonl', 'results.jsonl'),
      ],
      io,
      {
        READINESS_URL: url,
        READINESS_TOKEN: 'secret',
      },
    );
    expect(code).toBe(0);
    expect(seen[0].url).toMatch(
      /^\/api\/reliability\/v1\/runs\/stream\?entityRef=component%3Adefault%2Fledger&scenario=ledger-post/,
    );
    expect(seen[0].url).toContain('k6ExitCode=99');
    expect(seen[0].type).toBe('application/octet-stream');
    expect(seen[0].body.length).toBeGreaterThan(1000);
  });

  it.each([
    ['pass', 0],
    ['fail', 1],
    ['unknown', 2],
  ])(
    'exits for a %s gate with %d and prints the reasons',
    async (status, expected) => {
      gateStatus = status;
      const { lines, io } = output();
      const code = await run(
        [
          '--url',
          url,
          '--token',
          'secret',
          'gate',
          '--entity',
          'component:default/ledger',
          '--release',
          '2026.11.4',
          '--environment',
          'staging',
        ],
        io,
      );
      expect(code).toBe(expected);
      // The verdict is kept: a POST with the release and environment
      expect(seen[0].method).toBe('POST');
      expect(seen[0].url).toBe(
        '/api/reliability/v1/gates/component/default/ledger',
      );
      expect(seen[0].type).toMatch(/^application\/json/);
      expect(JSON.parse(seen[0].body.toString())).toEqual({
        release: '2026.11.4',
        environment: 'staging',
      });
      expect(lines.out[0]).toBe(
        `gate ${status.toUpperCase()} for component:default/ledger 2026.11.4 in staging`,
      );
      expect(lines.out[1]).toMatch(/post-latency: p\(95\) was 250/);
    },
  );

  it('exits 2 with the reason on errors', async () => {
    const wrongToken = output();
    expect(
      await run(
        [
          '--url',
          url,
          '--token',
          'nope',
          'gate',
          '--entity',
          'component:default/ledger',
          '--release',
          'r',
          '--environment',
          'e',
        ],
        wrongToken.io,
      ),
    ).toBe(2);
    expect(wrongToken.lines.err).toEqual(['readiness-ci: 401: Invalid token']);

    const noUrl = output();
    expect(
      await run(
        [
          'gate',
          '--entity',
          'component:default/ledger',
          '--release',
          'r',
          '--environment',
          'e',
        ],
        noUrl.io,
        {},
      ),
    ).toBe(2);
    expect(noUrl.lines.err[0]).toMatch(/the portal URL is missing/);

    const missingOption = output();
    expect(
      await run(
        [
          '--url',
          url,
          '--token',
          'secret',
          'gate',
          '--entity',
          'component:default/ledger',
        ],
        missingOption.io,
      ),
    ).toBe(2);
    expect(missingOption.lines.err.join('\n')).toMatch(/--release/);

    const noFile = output();
    expect(
      await run(
        [
          '--url',
          url,
          '--token',
          'secret',
          ...publishArgs,
          '/nonexistent.json',
        ],
        noFile.io,
      ),
    ).toBe(2);
    expect(noFile.lines.err[0]).toMatch(/ENOENT/);
  });

  it('pushes a drill file as its front matter, and refuses a broken one locally', async () => {
    const { lines, io } = output();
    const code = await run(
      [
        '--url',
        url,
        '--token',
        'secret',
        'drill',
        '--key',
        'k',
        repositoryPath('docs', 'drills', '2026-10-14.md'),
      ],
      io,
      {},
    );
    expect(lines.err).toEqual([]);
    expect(code).toBe(0);
    const sent = JSON.parse(seen[seen.length - 1].body.toString());
    expect(seen[seen.length - 1].url).toBe('/api/reliability/v1/drills');
    expect(sent.idempotencyKey).toBe('k');
    expect(sent.drill).not.toHaveProperty('source');
    expect(sent.drill).not.toHaveProperty('achievedRtoMinutes');
    expect(sent.drill.disruptionType).toBe('zone');
    expect(lines.out[0]).toMatch(/^pushed drill of .*: RTO 38 min, RPO 4 min$/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-'));
    const broken = path.join(dir, 'broken.md');
    fs.writeFileSync(broken, '---\nentities: nope\n---\n');
    const before = seen.length;
    const refused = output();
    expect(
      await run(
        ['--url', url, '--token', 'secret', 'drill', '--key', 'k2', broken],
        refused.io,
        {},
      ),
    ).toBe(2);
    expect(refused.lines.err[0]).toMatch(
      /broken\.md:2 entities: expected a list/,
    );
    expect(seen.length).toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pushes a backup verification file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
    const file = path.join(dir, 'verification.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        idempotencyKey: 'v1',
        entityRef: 'resource:default/filing-db',
        artifact: 'base/1',
        kind: 'base-backup',
      }),
    );
    const { lines, io } = output();
    const code = await run(
      ['--url', url, '--token', 'secret', 'backup', file],
      io,
      {},
    );
    expect(code).toBe(0);
    expect(lines.out[0]).toBe(
      'already pushed base-backup verification of base/1 for resource:default/filing-db',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
