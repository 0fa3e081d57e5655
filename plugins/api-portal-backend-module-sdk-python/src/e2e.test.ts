import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { runPython } from './__testUtils__/python';
import { LEDGER_V2, readSpec, writeSdk } from './__testUtils__/specs';
import { PythonSdkGenerator } from './PythonSdkGenerator';

interface SeenRequest {
  method?: string;
  path: string;
  query: Array<[string, string]>;
  authorization?: string;
  contentType?: string;
  body?: unknown;
}

/** A mock of two ledger v2 operations, plus a 404 for unknown entries. */
function startLedgerMock(seen: SeenRequest[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const text = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method,
        path: url.pathname,
        query: [...url.searchParams.entries()],
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: text ? JSON.parse(text) : undefined,
      });
      const send = (status: number, type: string, body: unknown) => {
        res.writeHead(status, { 'content-type': type });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && url.pathname === '/ledger/v2/balances') {
        send(200, 'application/json', {
          asOf: url.searchParams.get('asOf'),
          data: url.searchParams.getAll('accountId').map(accountId => ({
            accountId,
            balance: { amount: '48211.07', currency: 'EUR' },
          })),
        });
      } else if (
        req.method === 'POST' &&
        url.pathname === '/ledger/v2/journal-entries'
      ) {
        const entry = JSON.parse(text);
        send(201, 'application/json', {
          id: 'je_01J9QH9F2K',
          date: entry.date,
          status: 'posted',
          lines: entry.lines,
          reversalOf: null,
          createdAt: '2025-02-03T10:15:40Z',
        });
      } else {
        send(404, 'application/problem+json', {
          type: 'https://errors.example.com/not-found',
          title: 'Not found',
          status: 404,
        });
      }
    });
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

const SCRIPT = `
import json, sys
from ledger_api import ApiError, Client

client = Client(sys.argv[1], access_token="test-token")
balances = client.list_balances(["acc_1200", "acc_6410"], as_of="2025-01-31")
print(json.dumps({"balances": balances}))
entry = client.create_journal_entry({
    "idempotencyKey": "5b0f3c1e-9a7d-4c55-8e2b-1f6a0d9c4e21",
    "date": "2025-01-28",
    "lines": [
        {"accountId": "acc_6410", "side": "debit", "amount": {"amount": "312.40", "currency": "EUR"}},
        {"accountId": "acc_1200", "side": "credit", "amount": {"amount": "312.40", "currency": "EUR"}},
    ],
})
print(json.dumps({"entry": entry}))
try:
    client.get_journal_entry("je_missing")
except ApiError as error:
    print(json.dumps({"error": {"status": error.status, "body": error.body}}))
`;

describe('the generated Python SDK against a ledger v2 mock', () => {
  let server: http.Server;
  let dir: string;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    server = await startLedgerMock(seen);
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('calls the operations with the bearer token and decodes the answers', async () => {
    const files = await new PythonSdkGenerator().generate({
      spec: readSpec(LEDGER_V2),
      packageName: 'ledger-api',
      packageVersion: '2.0.0',
      log: () => {},
    });
    dir = await writeSdk(files, 'py-e2e-');
    await fs.writeFile(`${dir}/script.py`, SCRIPT);
    const { port } = server.address() as AddressInfo;
    const run = await runPython(
      ['script.py', `http://127.0.0.1:${port}/ledger/v2/`],
      {
        cwd: dir,
        env: { PYTHONPATH: dir },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/ledger/v2/balances',
        query: [
          ['accountId', 'acc_1200'],
          ['accountId', 'acc_6410'],
          ['asOf', '2025-01-31'],
        ],
        authorization: 'Bearer test-token',
        contentType: undefined,
        body: undefined,
      },
      {
        method: 'POST',
        path: '/ledger/v2/journal-entries',
        query: [],
        authorization: 'Bearer test-token',
        contentType: 'application/json',
        body: {
          idempotencyKey: '5b0f3c1e-9a7d-4c55-8e2b-1f6a0d9c4e21',
          date: '2025-01-28',
          lines: [
            {
              accountId: 'acc_6410',
              side: 'debit',
              amount: { amount: '312.40', currency: 'EUR' },
            },
            {
              accountId: 'acc_1200',
              side: 'credit',
              amount: { amount: '312.40', currency: 'EUR' },
            },
          ],
        },
      },
      {
        method: 'GET',
        path: '/ledger/v2/journal-entries/je_missing',
        query: [],
        authorization: 'Bearer test-token',
        contentType: undefined,
        body: undefined,
      },
    ]);

    const printed = run.stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(printed).toEqual([
      {
        balances: {
          asOf: '2025-01-31',
          data: [
            {
              accountId: 'acc_1200',
              balance: { amount: '48211.07', currency: 'EUR' },
            },
            {
              accountId: 'acc_6410',
              balance: { amount: '48211.07', currency: 'EUR' },
            },
          ],
        },
      },
      {
        entry: expect.objectContaining({
          id: 'je_01J9QH9F2K',
          status: 'posted',
          reversalOf: null,
        }),
      },
      {
        error: {
          status: 404,
          body: {
            type: 'https://errors.example.com/not-found',
            title: 'Not found',
            status: 404,
          },
        },
      },
    ]);
  }, 60_000);
});
