import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { JsonObject } from '@backstage/types';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
} from '@readiness/backend-test-utils';
import { reliabilityPlugin } from '../plugin';
import { corpusPath } from '@readiness/test-corpus';
import {
  callers,
  restrictedServicesHttpAuthFactory,
} from '../__testUtils__/harness';

const corpus = corpusPath('k6');
const summary = JSON.parse(
  fs.readFileSync(path.join(corpus, 'petro-transfers/results.json'), 'utf8'),
);
const legacy = JSON.parse(
  fs.readFileSync(
    path.join(corpus, 'xyz-finance-legacy/k6-results.json'),
    'utf8',
  ),
);

const stream = fs.readFileSync(
  path.join(corpus, 'redis-operator-jsonl/results.jsonl'),
);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger',
      namespace: 'default',
      annotations: { 'readiness.dev/audience': 'partner' },
    },
    spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ocr', namespace: 'default' },
    spec: { type: 'service', owner: 'team-intake', lifecycle: 'production' },
  },
];

function run(overrides: Record<string, unknown> = {}) {
  return {
    entityRef: 'component:default/ledger',
    scenario: 'ledger-post',
    environment: 'staging',
    release: '2026.11.2',
    startedAt: '2026-11-20T02:00:00Z',
    finishedAt: '2026-11-20T02:08:03Z',
    k6ExitCode: 99,
    idempotencyKey: 'ci-4711',
    ...overrides,
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'reliability API on %s',
  databaseId => {
    async function start(config: JsonObject = {}) {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({ entities }),
          audiencePermissionsServiceFactory(),
          restrictedServicesHttpAuthFactory(),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: config }),
        ],
      });
      return server;
    }

    async function runCount(server: any) {
      const response = await request(server)
        .get('/api/reliability/v1/runs?entityRef=component:default/ledger')
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      return response.body.items.length as number;
    }

    describe('POST /v1/runs', () => {
      it('stores a run for CI, and answers a retry with the same run', async () => {
        const server = await start();
        const first = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({ run: run(), results: summary });
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({
          created: true,
          warnings: [],
          run: {
            entityRef: 'component:default/ledger',
            format: 'k6-handle-summary',
            thresholdsPassed: false,
            k6ExitCode: 99,
          },
        });

        const retry = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({ run: run(), results: summary });
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ ...first.body, created: false });

        const conflict = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({ run: run(), results: legacy });
        expect(conflict.status).toBe(409);
        expect(conflict.body.error.message).toMatch(
          /idempotencyKey ci-4711 was already used/,
        );
        expect(await runCount(server)).toBe(1);
      });

      it('accepts service credentials only', async () => {
        const server = await start();
        for (const [caller, status] of [
          [callers.internal, 403],
          [callers.partner, 403],
          [callers.anonymous, 401],
        ] as const) {
          const response = await request(server)
            .post('/api/reliability/v1/runs')
            .set('Authorization', caller)
            .send({ run: run(), results: summary });
          expect(response.status).toBe(status);
        }
        expect(await runCount(server)).toBe(0);
      });

      it.each([
        ['garbage JSON', '{"run": ', /Unexpected|JSON/],
        ['a wrong shape', { results: summary }, /run/],
        [
          'an unknown field',
          { run: { ...run(), colour: 'red' }, results: summary },
          /colour|additional/,
        ],
        [
          'a missing field',
          { run: { ...run(), scenario: undefined }, results: summary },
          /scenario/,
        ],
        [
          'a date that is no date',
          { run: run({ startedAt: 'soon' }), results: summary },
          /startedAt/,
        ],
        [
          'a finish before the start',
          {
            run: run({ finishedAt: '2026-11-20T01:00:00Z' }),
            results: summary,
          },
          /\/finishedAt: is before startedAt/,
        ],
        [
          'NaN',
          {
            run: run(),
            results: { metrics: { http_req_duration: { avg: 'NaN', med: 1 } } },
          },
          /\/metrics\/http_req_duration\/avg: expected a finite number/,
        ],
        [
          'a negative duration',
          {
            run: run(),
            results: {
              metrics: {
                http_req_duration: {
                  type: 'trend',
                  contains: 'time',
                  values: { 'p(95)': -1 },
                },
              },
            },
          },
          /p\(95\): must not be negative/,
        ],
        [
          'a document that is no k6 summary',
          { run: run(), results: { hello: 'world' } },
          /not a k6 summary/,
        ],
        [
          'an unknown entity',
          {
            run: run({ entityRef: 'component:default/nope' }),
            results: summary,
          },
          /no entity component:default\/nope/,
        ],
      ])(
        'refuses %s with a 400 naming what is wrong, storing nothing',
        async (_name, body, message) => {
          const server = await start();
          const call = request(server)
            .post('/api/reliability/v1/runs')
            .set('Authorization', callers.ci)
            .set('Content-Type', 'application/json');
          const response = await call.send(
            typeof body === 'string' ? body : JSON.stringify(body),
          );
          expect(response.status).toBe(400);
          expect(response.body.error.name).toBe('InputError');
          expect(response.body.error.message).toMatch(message);
          expect(await runCount(server)).toBe(0);
        },
      );

      it('refuses a 100 MB body with 413', async () => {
        const server = await start();
        const huge = `{"run":${JSON.stringify(
          run(),
        )},"results":{"padding":"${'x'.repeat(100 * 1024 * 1024)}"}}`;
        const response = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/json')
          .send(huge);
        expect(response.status).toBe(413);
        expect(await runCount(server)).toBe(0);
        // building and sending 100 MB takes seconds on a busy machine
      }, 60_000);

      it('takes its size limit from config', async () => {
        const server = await start({
          reliability: { ingestion: { maxBodyBytes: 1024 } },
        });
        const response = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({ run: run(), results: summary });
        expect(response.status).toBe(413);
      });
    });

    describe('POST /v1/runs/stream', () => {
      const query = {
        entityRef: 'component:default/ledger',
        scenario: 'average_load',
        environment: 'staging',
        startedAt: '2024-09-09T19:06:00Z',
        finishedAt: '2024-09-09T19:08:10Z',
        k6ExitCode: 0,
        idempotencyKey: 'stream-1',
      };

      it('summarises a plain or gzip k6 stream on the way in', async () => {
        const server = await start();
        const plain = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query(query)
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/x-ndjson')
          .send(stream);
        expect(plain.status).toBe(201);
        expect(plain.body.run).toMatchObject({
          format: 'k6-json-stream',
          k6ExitCode: 0,
          scenario: 'average_load',
        });

        const retry = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query(query)
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/gzip')
          .send(gzipSync(stream));
        expect(retry.status).toBe(200);
        expect(retry.body.run.id).toBe(plain.body.run.id);

        const one = await request(server)
          .get(`/api/reliability/v1/runs/${plain.body.run.id}`)
          .set('Authorization', callers.internal);
        expect(one.body.results.thresholds).toContainEqual(
          expect.objectContaining({
            metric: 'http_req_failed',
            expression: 'rate<0.01',
            source: 'computed',
          }),
        );
      });

      it('refuses a truncated stream, storing nothing', async () => {
        const server = await start();
        const response = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query(query)
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/x-ndjson')
          .send(stream.subarray(0, Math.floor(stream.length / 2)));
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(/truncated/);
        expect(await runCount(server)).toBe(0);
      });

      it('refuses a stream over the configured size with 413', async () => {
        const server = await start({
          reliability: { ingestion: { maxStreamBytes: 4096 } },
        });
        const response = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query(query)
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/x-ndjson')
          .send(stream);
        expect(response.status).toBe(413);
        expect(response.body.error.message).toMatch(/maxStreamBytes/);
        expect(await runCount(server)).toBe(0);
      });

      it('names a missing or wrong query parameter', async () => {
        const server = await start();
        const { scenario: _scenario, ...withoutScenario } = query;
        const missing = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query(withoutScenario)
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/x-ndjson')
          .send(stream);
        expect(missing.status).toBe(400);
        expect(missing.body.error.message).toMatch(/scenario/);
        const wrong = await request(server)
          .post('/api/reliability/v1/runs/stream')
          .query({ ...query, k6ExitCode: 300 })
          .set('Authorization', callers.ci)
          .set('Content-Type', 'application/x-ndjson')
          .send(stream);
        expect(wrong.status).toBe(400);
        expect(wrong.body.error.message).toMatch(/k6ExitCode/);
      });

      it('accepts service credentials only', async () => {
        const server = await start();
        for (const [caller, status] of [
          [callers.internal, 403],
          [callers.partner, 403],
          [callers.anonymous, 401],
        ] as const) {
          const response = await request(server)
            .post('/api/reliability/v1/runs/stream')
            .query(query)
            .set('Authorization', caller)
            .set('Content-Type', 'application/x-ndjson')
            .send(stream);
          expect(response.status).toBe(status);
        }
        expect(await runCount(server)).toBe(0);
      });
    });

    describe('reading runs', () => {
      async function withRun() {
        const server = await start();
        const published = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({ run: run(), results: summary });
        expect(published.status).toBe(201);
        return { server, id: published.body.run.id as string };
      }

      it('lists and returns runs to internal users and services', async () => {
        const { server, id } = await withRun();
        for (const caller of [callers.internal, callers.ci]) {
          const list = await request(server)
            .get(
              '/api/reliability/v1/runs?entityRef=component:default/ledger&environment=staging&limit=5',
            )
            .set('Authorization', caller);
          expect(list.status).toBe(200);
          expect(list.body.items.map((r: any) => r.id)).toEqual([id]);
          expect(list.body.nextCursor).toBeUndefined();

          const one = await request(server)
            .get(`/api/reliability/v1/runs/${id}`)
            .set('Authorization', caller);
          expect(one.status).toBe(200);
          expect(one.body.results.format).toBe('k6-handle-summary');
          expect(one.body.results.thresholds).toContainEqual({
            metric: 'http_req_duration',
            expression: 'p(95)<15000',
            passed: false,
            source: 'reported',
          });
        }
      });

      it('refuses partners and anonymous callers', async () => {
        const { server, id } = await withRun();
        const partnerList = await request(server)
          .get('/api/reliability/v1/runs?entityRef=component:default/ledger')
          .set('Authorization', callers.partner);
        expect(partnerList.status).toBe(403);
        const anonymousList = await request(server)
          .get('/api/reliability/v1/runs?entityRef=component:default/ledger')
          .set('Authorization', callers.anonymous);
        expect(anonymousList.status).toBe(401);
        const anonymousRun = await request(server)
          .get(`/api/reliability/v1/runs/${id}`)
          .set('Authorization', callers.anonymous);
        expect(anonymousRun.status).toBe(401);
      });

      it('answers callers who may not read a run exactly as for a run that does not exist', async () => {
        const { server, id } = await withRun();
        const unknownId = '6f1c2a5e-8d4b-4b7e-9a51-0c2f3d4e5f60';
        // What a caller learns of an answer: its status and error, with the
        // requested id written as <id>
        const answer = async (
          method: 'get' | 'put' | 'delete',
          route: (runId: string) => string,
          runId: string,
          caller: string,
        ) => {
          const response = await request(server)
            [method](`/api/reliability/v1${route(runId)}`)
            .set('Authorization', caller);
          return {
            status: response.status,
            name: response.body.error?.name,
            message: String(response.body.error?.message).replaceAll(
              runId,
              '<id>',
            ),
            text: response.text.replaceAll(runId, '<id>'),
          };
        };
        const reads: Array<['get' | 'put' | 'delete', (r: string) => string]> =
          [
            ['get', r => `/runs/${r}`],
            ['get', r => `/runs/${r}/regression`],
            ['get', r => `/runs/${r}/compare/${r}`],
            ['put', r => `/runs/${r}/baseline`],
            ['delete', r => `/runs/${r}/baseline`],
          ];
        for (const [method, route] of reads) {
          for (const caller of [callers.partner, callers.otherPartner]) {
            const hidden = await answer(method, route, id, caller);
            const missing = await answer(method, route, unknownId, caller);
            expect(hidden).toEqual(missing);
            expect(hidden).toMatchObject({
              status: 404,
              name: 'NotFoundError',
              message: 'No perf run <id>',
            });
            expect(hidden.text).not.toMatch(/ledger/);
          }
        }
        // A token that may push drills and read no record
        for (const [method, route] of reads.slice(0, 3)) {
          const hidden = await answer(method, route, id, callers.drPublisher);
          expect(hidden).toEqual(
            await answer(method, route, unknownId, callers.drPublisher),
          );
          expect(hidden.status).toBe(404);
        }
        // Comparing a readable run with a hidden one hides the hidden one
        const mixed = await request(server)
          .get(`/api/reliability/v1/runs/${id}/compare/${unknownId}`)
          .set('Authorization', callers.internal);
        expect(mixed.status).toBe(404);
        expect(mixed.body.error.message).toBe(`No perf run ${unknownId}`);
      });

      it('answers 404 for an unknown run and 400 for bad parameters', async () => {
        const { server } = await withRun();
        const missing = await request(server)
          .get('/api/reliability/v1/runs/6f1c2a5e-8d4b-4b7e-9a51-0c2f3d4e5f60')
          .set('Authorization', callers.internal);
        expect(missing.status).toBe(404);
        for (const query of [
          'entityRef=component:default/ledger&limit=0',
          'entityRef=component:default/ledger&limit=many',
          'entityRef=component:default/ledger&cursor=bogus',
          'limit=5',
        ]) {
          const response = await request(server)
            .get(`/api/reliability/v1/runs?${query}`)
            .set('Authorization', callers.internal);
          expect(response.status).toBe(400);
        }
      });
    });
  },
);
