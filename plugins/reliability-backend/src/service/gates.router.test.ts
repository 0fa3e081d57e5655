import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  callers,
  catalogFolder,
  entity,
  startReliability,
} from '../__testUtils__/harness';

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: post-latency
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec: { metric: http_req_duration, scenario: ledger-post }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lt, value: 300, target: 0.95 }]
`;

function summary(p95: number) {
  return {
    metrics: {
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: { avg: p95 / 2, 'p(95)': p95 },
        thresholds: { 'p(95)<1000': { ok: true } },
      },
      http_req_failed: {
        type: 'rate',
        contains: 'default',
        values: { rate: 0.001, passes: 1, fails: 999 },
      },
    },
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'the release gate on %s',
  databaseId => {
    const folder = catalogFolder({ 'slo.yaml': SLO });

    afterAll(() => folder.remove());

    async function start(
      config?: Parameters<typeof startReliability>[0]['config'],
    ) {
      const knex = await databases.init(databaseId);
      const auditor = mockServices.auditor.mock();
      const entities = [
        entity('Component', 'ledger', {
          ...folder.location,
          'readiness.dev/openslo': './slo.yaml',
          'readiness.dev/required-scenarios': 'ledger-post',
        }),
        entity('Component', 'ocr'),
      ];
      const server = await startReliability({
        knex,
        entities,
        features: [auditor.factory],
        ...(config && { config }),
      });
      let n = 0;
      const publish = async (
        release: string,
        scenario: string,
        p95: number,
      ) => {
        n += 1;
        const response = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({
            run: {
              entityRef: 'component:default/ledger',
              scenario,
              environment: 'staging',
              release,
              startedAt: `2026-11-0${n}T02:00:00Z`,
              finishedAt: `2026-11-0${n}T02:05:00Z`,
              k6ExitCode: 0,
              idempotencyKey: `run-${n}`,
            },
            results: summary(p95),
          });
        expect(response.status).toBe(201);
      };
      const gate = (name: string, release: string, caller = callers.ci) =>
        request(server)
          .get(`/api/reliability/v1/gates/component/default/${name}`)
          .query({ release, environment: 'staging' })
          .set('Authorization', caller);
      const record = (name: string, release: string, caller = callers.ci) =>
        request(server)
          .post(`/api/reliability/v1/gates/component/default/${name}`)
          .send({ release, environment: 'staging' })
          .set('Authorization', caller);
      const keptVerdicts = async () => {
        const [{ kept }] = await knex('gate_verdicts').count({ kept: '*' });
        return Number(kept);
      };
      return {
        server,
        publish,
        gate,
        record,
        keptVerdicts,
        auditor,
        entities,
      };
    }

    it('decides anew when the required scenarios change, kept verdicts notwithstanding', async () => {
      // Entities read fresh each time; kept views as configured by default
      const { publish, gate, entities } = await start({
        reliability: { catalogCacheSeconds: 0 },
      });
      await publish('2026.11.1', 'ledger-post', 250);
      expect((await gate('ledger', '2026.11.1')).body.status).toBe('pass');
      entities[0].metadata.annotations!['readiness.dev/required-scenarios'] =
        'ledger-post,ledger-month-end';
      const again = await gate('ledger', '2026.11.1');
      expect(again.body.status).toBe('fail');
      expect(
        again.body.reasons
          .filter((r: any) => r.input === 'scenario')
          .map((r: any) => r.status),
      ).toContain('fail');
    });

    it('passes a release whose runs meet every input, and keeps the verdict CI records', async () => {
      const { server, publish, record } = await start();
      await publish('2026.11.1', 'ledger-post', 250);
      const response = await record('ledger', '2026.11.1');
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/ledger',
        release: '2026.11.1',
        environment: 'staging',
        status: 'pass',
      });
      expect(
        response.body.reasons.map((r: any) => [r.input, r.status]),
      ).toEqual([
        ['scenario', 'pass'],
        ['thresholds', 'pass'],
        ['regression', 'pass'],
        ['slo', 'pass'],
      ]);
      const history = await request(server)
        .get('/api/reliability/v1/gates/component/default/ledger/history')
        .set('Authorization', callers.internal);
      expect(history.body.items.map((v: any) => [v.id, v.status])).toEqual([
        [response.body.id, 'pass'],
      ]);
    });

    it('fails on a missed SLO, a regression or a missing required scenario', async () => {
      const { publish, gate } = await start();
      await publish('2026.11.1', 'ledger-post', 250);
      await publish('2026.11.2', 'ledger-post', 350);
      const slower = await gate('ledger', '2026.11.2');
      expect(slower.body.status).toBe('fail');
      expect(
        slower.body.reasons
          .filter((r: any) => r.status === 'fail')
          .map((r: any) => r.input),
      ).toEqual(['regression', 'slo']);
      await publish('2026.11.3', 'ledger-read', 100);
      const missing = await gate('ledger', '2026.11.3');
      expect(missing.body.status).toBe('fail');
      expect(missing.body.reasons[0]).toMatchObject({
        input: 'scenario',
        status: 'fail',
        message: 'required scenario ledger-post has no run for this release',
      });
    });

    it('is unknown when nothing was published and nothing is required', async () => {
      const { gate } = await start();
      const response = await gate('ocr', '2026.11.9', callers.internal);
      expect(response.body).toMatchObject({ status: 'unknown', runIds: [] });
    });

    it('pages the history, refuses partners and anonymous callers, and names bad requests', async () => {
      const { server, publish, gate, record } = await start();
      await publish('2026.11.1', 'ledger-post', 250);
      expect((await record('ledger', '2026.11.1')).status).toBe(201);
      expect((await record('ledger', '2026.11.1')).status).toBe(201);
      const first = await request(server)
        .get(
          '/api/reliability/v1/gates/component/default/ledger/history?limit=1',
        )
        .set('Authorization', callers.internal);
      expect(first.body.items).toHaveLength(1);
      const second = await request(server)
        .get('/api/reliability/v1/gates/component/default/ledger/history')
        .query({ limit: 1, cursor: first.body.nextCursor })
        .set('Authorization', callers.internal);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

      expect((await gate('ledger', '2026.11.1', callers.partner)).status).toBe(
        403,
      );
      expect(
        (await gate('ledger', '2026.11.1', callers.otherPartner)).status,
      ).toBe(403);
      for (const [caller, status] of [
        [callers.partner, 403],
        [callers.otherPartner, 403],
        [callers.anonymous, 401],
      ] as const) {
        const history = await request(server)
          .get('/api/reliability/v1/gates/component/default/ledger/history')
          .set('Authorization', caller);
        expect(history.status).toBe(status);
      }
      expect(
        (await gate('ledger', '2026.11.1', callers.anonymous)).status,
      ).toBe(401);
      expect((await gate('nope', '2026.11.1', callers.internal)).status).toBe(
        404,
      );
      const noRelease = await request(server)
        .get(
          '/api/reliability/v1/gates/component/default/ledger?environment=staging',
        )
        .set('Authorization', callers.internal);
      expect(noRelease.status).toBe(400);
      expect(noRelease.body.error.message).toMatch(/release/);
    });

    it('keeps nothing for a read: asking writes no verdict and no audit event', async () => {
      const { server, publish, gate, keptVerdicts, auditor } = await start();
      await publish('2026.11.1', 'ledger-post', 250);
      auditor.createEvent.mockClear();
      for (const caller of [callers.internal, callers.ci]) {
        const read = await gate('ledger', '2026.11.1', caller);
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({ status: 'pass' });
        expect(read.body.id).toBeUndefined();
      }
      expect(await keptVerdicts()).toBe(0);
      const history = await request(server)
        .get('/api/reliability/v1/gates/component/default/ledger/history')
        .set('Authorization', callers.internal);
      expect(history.body.items).toEqual([]);
      expect(auditor.createEvent).not.toHaveBeenCalled();
    });

    it('keeps a verdict for CI tokens that may record one, audited', async () => {
      const { publish, record, keptVerdicts, auditor } = await start();
      await publish('2026.11.1', 'ledger-post', 250);
      auditor.createEvent.mockClear();
      for (const [caller, status] of [
        [callers.internal, 403],
        [callers.partner, 403],
        [callers.otherPartner, 403],
        [callers.anonymous, 401],
        [callers.perfPublisher, 403],
        [callers.drPublisher, 403],
      ] as const) {
        expect((await record('ledger', '2026.11.1', caller)).status).toBe(
          status,
        );
      }
      expect(await keptVerdicts()).toBe(0);
      const kept = await record('ledger', '2026.11.1');
      expect(kept.status).toBe(201);
      expect(kept.body).toMatchObject({
        id: expect.any(String),
        decidedAt: expect.any(String),
        status: 'pass',
      });
      expect(await keptVerdicts()).toBe(1);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'gate-record',
          meta: { entityRef: 'component:default/ledger' },
        }),
      );
      const recorded = auditor.createEvent.mock.results.at(-1)!.value;
      expect((await recorded).success).toHaveBeenCalledWith({
        meta: {
          verdictId: kept.body.id,
          status: 'pass',
          release: '2026.11.1',
          environment: 'staging',
        },
      });
      const unknown = await record('nope', '2026.11.1');
      expect(unknown.status).toBe(404);
    });

    it('answers 400 naming the field for a long or odd release or environment, keeping nothing', async () => {
      const { server, keptVerdicts } = await start();
      const url = '/api/reliability/v1/gates/component/default/ledger';
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ release: '1'.repeat(129), environment: 'staging' }, /release/],
        [{ release: 'x'.repeat(5000), environment: 'staging' }, /release/],
        [{ release: '2026.11.1; rm -rf', environment: 'staging' }, /release/],
        [{ release: '2026.11.1', environment: 's'.repeat(65) }, /environment/],
        [{ release: '2026.11.1', environment: '<b>prod</b>' }, /environment/],
        [{ release: '2026.11.1' }, /environment/],
      ];
      for (const [query, message] of cases) {
        const read = await request(server)
          .get(url)
          .query(query)
          .set('Authorization', callers.internal);
        expect(read.status).toBe(400);
        expect(read.body.error.message).toMatch(message);
        const kept = await request(server)
          .post(url)
          .send(query)
          .set('Authorization', callers.ci);
        expect(kept.status).toBe(400);
        expect(kept.body.error.message).toMatch(message);
      }
      const extra = await request(server)
        .post(url)
        .send({ release: '1.0.0', environment: 'staging', colour: 'red' })
        .set('Authorization', callers.ci);
      expect(extra.status).toBe(400);
      expect(extra.body.error.message).toMatch(/colour/);
      expect(await keptVerdicts()).toBe(0);
    });
  },
);
