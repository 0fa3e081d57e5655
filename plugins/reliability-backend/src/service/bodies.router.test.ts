/*
 * Who calls is settled before a request body is read: callers who may not
 * write are answered 401 or 403 whatever they send, and their bodies are
 * neither parsed nor consumed.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  CallerName,
  callers,
  entity,
  startReliability,
} from '../__testUtils__/harness';

const RUN_ID = '6f1c2a5e-8d4b-4b7e-9a51-0c2f3d4e5f60';

/** Each write route, and the callers that may not use it with their answer. */
const WRITES: Array<{
  method: 'post' | 'put' | 'delete';
  path: string;
  refused: Partial<Record<CallerName, number>>;
}> = [
  {
    method: 'post',
    path: '/api/reliability/v1/runs',
    refused: {
      anonymous: 401,
      internal: 403,
      partner: 403,
      otherPartner: 403,
      drPublisher: 403,
    },
  },
  {
    // Without its query: the caller is refused before the query is checked
    method: 'post',
    path: '/api/reliability/v1/runs/stream',
    refused: {
      anonymous: 401,
      internal: 403,
      partner: 403,
      drPublisher: 403,
    },
  },
  {
    method: 'post',
    path: '/api/reliability/v1/drills',
    refused: {
      anonymous: 401,
      internal: 403,
      partner: 403,
      otherPartner: 403,
      perfPublisher: 403,
    },
  },
  {
    method: 'post',
    path: '/api/reliability/v1/backups',
    refused: {
      anonymous: 401,
      internal: 403,
      partner: 403,
      perfPublisher: 403,
    },
  },
  {
    method: 'post',
    path: '/api/reliability/v1/gates/component/default/ledger',
    refused: {
      anonymous: 401,
      internal: 403,
      partner: 403,
      otherPartner: 403,
      perfPublisher: 403,
      drPublisher: 403,
    },
  },
  {
    method: 'put',
    path: `/api/reliability/v1/runs/${RUN_ID}/baseline`,
    refused: { anonymous: 401, ci: 403 },
  },
  {
    method: 'delete',
    path: `/api/reliability/v1/runs/${RUN_ID}/baseline`,
    refused: { anonymous: 401, ci: 403 },
  },
];

const cases = WRITES.flatMap(write =>
  Object.entries(write.refused).map(
    ([caller, status]) =>
      [write.method, write.path, caller as CallerName, status] as const,
  ),
);

/**
 * Sends the head of a request that announces a body and only part of it, and
 * resolves with the status once the server answers. A server that reads the
 * body first never answers: it waits for the rest.
 */
function statusWithUnfinishedBody(
  server: http.Server,
  method: string,
  path: string,
  authorization: string,
): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: method.toUpperCase(),
      path,
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Content-Length': 100_000,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${method} ${path}: no answer; the body was awaited`));
    }, 3000);
    req.on('response', res => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode!);
    });
    req.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    req.write('{"run": {"entit');
  });
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'request bodies of the reliability API on %s',
  databaseId => {
    let server: http.Server;

    beforeAll(async () => {
      server = await startReliability({
        knex: await databases.init(databaseId),
        entities: [entity('Component', 'ledger')],
        config: { reliability: { ingestion: { maxBodyBytes: 1024 } } },
      });
    });

    it.each(cases)(
      '%s %s refuses %s with %d before parsing a malformed body',
      async (method, path, caller, status) => {
        const response = await request(server)
          [method](path)
          .set('Authorization', callers[caller])
          .set('Content-Type', 'application/json')
          .send('{"run": ');
        expect(response.status).toBe(status);
      },
    );

    it.each(cases)(
      '%s %s refuses %s with %d before reading an oversized body',
      async (method, path, caller, status) => {
        const response = await request(server)
          [method](path)
          .set('Authorization', callers[caller])
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ padding: 'x'.repeat(64 * 1024) }));
        expect(response.status).toBe(status);
      },
    );

    it.each(cases)(
      '%s %s answers %s (%d) without waiting for the body',
      async (method, path, caller, status) => {
        await expect(
          statusWithUnfinishedBody(server, method, path, callers[caller]),
        ).resolves.toBe(status);
      },
    );

    it('still reads the bodies of callers who may write', async () => {
      const response = await request(server)
        .post('/api/reliability/v1/drills')
        .set('Authorization', callers.drPublisher)
        .set('Content-Type', 'application/json')
        .send('{"idempotencyKey": ');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/not valid JSON/);
      const big = await request(server)
        .post('/api/reliability/v1/runs')
        .set('Authorization', callers.perfPublisher)
        .send({ padding: 'x'.repeat(64 * 1024) });
      expect(big.status).toBe(413);
    });
  },
);
