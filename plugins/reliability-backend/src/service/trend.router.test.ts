import request from 'supertest';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  callers,
  catalogFolder,
  entity,
  startReliability,
  statusesFor,
} from '../__testUtils__/harness';

const SLOS = `apiVersion: openslo/v1
kind: SLO
metadata: { name: post-latency, displayName: Posting latency }
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec: { metric: http_req_duration, statistic: p(99), scenario: ledger-post }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: p99 under 800 ms, op: lt, value: 800, target: 0.95 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: post-availability }
spec:
  service: ledger
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: k6, spec: { metric: http_req_failed } } }
        total: { metricSource: { type: k6, spec: { metric: http_reqs } } }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: other-scenario }
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec: { metric: http_req_duration, scenario: login }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lt, value: 200, target: 0.95 }]
`;

function summary(p95: number, errorRate: number, depth: number) {
  return {
    metrics: {
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: { avg: p95 / 2, 'p(95)': p95, 'p(99)': p95 * 1.5 },
      },
      http_req_failed: {
        type: 'rate',
        contains: 'default',
        values: { rate: errorRate, passes: 1, fails: 99 },
      },
      http_reqs: { type: 'counter', values: { count: 100, rate: 10 } },
      'queue_depth{queue:ocr.jobs}': {
        type: 'gauge',
        values: { value: depth / 2, min: 0, max: depth },
      },
      'queue_drain_ms{queue:ocr.jobs}': {
        type: 'trend',
        contains: 'time',
        values: { 'p(95)': depth * 10 },
      },
    },
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'the perf trend on %s',
  databaseId => {
    const folder = catalogFolder({ 'slo.yaml': SLOS });

    afterAll(() => folder.remove());

    async function start() {
      const knex = await databases.init(databaseId);
      const server = await startReliability({
        knex,
        entities: [
          entity('Component', 'ledger', {
            ...folder.location,
            'readiness.dev/openslo': './slo.yaml',
          }),
        ],
      });
      let n = 0;
      const publish = async (
        scenario: string,
        environment: string,
        p95: number,
        errorRate: number,
        depth: number,
      ) => {
        n += 1;
        const response = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({
            run: {
              entityRef: 'component:default/ledger',
              scenario,
              environment,
              release: `1.${n}.0`,
              startedAt: `2026-11-${String(10 + n).padStart(2, '0')}T02:00:00Z`,
              finishedAt: `2026-11-${String(10 + n).padStart(
                2,
                '0',
              )}T02:05:00Z`,
              k6ExitCode: 0,
              idempotencyKey: `run-${n}`,
            },
            results: summary(p95, errorRate, depth),
          });
        expect(response.status).toBe(201);
        return response.body.run.id as string;
      };
      return { server, publish };
    }

    it('charts the newest series oldest first, with the median baseline and the objective lines', async () => {
      const { server, publish } = await start();
      await publish('login', 'staging', 90, 0, 1);
      const a = await publish('ledger-post', 'staging', 100, 0.001, 10);
      const b = await publish('ledger-post', 'staging', 120, 0.002, 30);
      const c = await publish('ledger-post', 'staging', 110, 0.003, 20);
      const response = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/trend')
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      const trend = response.body;
      expect(trend).toMatchObject({
        entityRef: 'component:default/ledger',
        scenario: 'ledger-post',
        environment: 'staging',
      });
      expect(trend.series).toEqual([
        { scenario: 'ledger-post', environment: 'staging', runs: 3 },
        { scenario: 'login', environment: 'staging', runs: 1 },
      ]);
      expect(
        trend.points.map((p: any) => [p.runId, p.p95, p.p99, p.errorRate]),
      ).toEqual([
        [a, 100, 150, 0.001],
        [b, 120, 180, 0.002],
        [c, 110, 165, 0.003],
      ]);
      expect(trend.points[1]).toMatchObject({
        release: '1.3.0',
        queues: {
          'queue_depth{queue:ocr.jobs}': 30,
          'queue_drain_ms{queue:ocr.jobs}': 300,
        },
      });
      expect(trend.baseline).toMatchObject({
        kind: 'median',
        runIds: [c, b, a],
        p95: 110,
        p99: 165,
        errorRate: 0.002,
      });
      expect(trend.objectives).toEqual([
        {
          slo: 'Posting latency',
          objective: 'p99 under 800 ms',
          statistic: 'p99',
          value: 800,
        },
        {
          slo: 'post-availability',
          objective: 'objective 1',
          statistic: 'errorRate',
          value: expect.closeTo(0.01, 10),
        },
      ]);

      // Another series, fewer points
      const login = await request(server)
        .get(
          '/api/reliability/v1/entities/component/default/ledger/trend?scenario=login&limit=1',
        )
        .set('Authorization', callers.internal);
      expect(login.body.points).toHaveLength(1);
      expect(login.body.points[0].p95).toBe(90);
      expect(login.body.objectives.map((o: any) => o.value)).toEqual([
        expect.closeTo(0.01, 10),
        200,
      ]);
    });

    it('uses a pinned run as the baseline', async () => {
      const { server, publish } = await start();
      const a = await publish('ledger-post', 'staging', 100, 0.001, 10);
      await publish('ledger-post', 'staging', 300, 0.001, 10);
      const before = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/trend')
        .set('Authorization', callers.internal);
      expect(before.body.baseline.kind).toBe('median');
      expect(before.body.points).toHaveLength(2);
      const pin = await request(server)
        .put(`/api/reliability/v1/runs/${a}/baseline`)
        .set('Authorization', callers.internal);
      expect(pin.status).toBe(200);
      const trend = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/trend')
        .set('Authorization', callers.internal);
      expect(trend.body.baseline).toMatchObject({
        kind: 'pinned',
        runIds: [a],
        p95: 100,
      });
      // A kept view is not reused once a pin or a new run changes the runs
      await publish('ledger-post', 'staging', 150, 0.001, 10);
      const after = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/trend')
        .set('Authorization', callers.internal);
      expect(after.body.points).toHaveLength(3);
    });

    it('answers an empty trend, and refuses bad queries and callers', async () => {
      const { server } = await start();
      const url = '/api/reliability/v1/entities/component/default/ledger/trend';
      const empty = await request(server)
        .get(url)
        .set('Authorization', callers.internal);
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({
        series: [],
        points: [],
        objectives: [],
      });
      expect(
        (
          await request(server)
            .get(`${url}?limit=501`)
            .set('Authorization', callers.internal)
        ).status,
      ).toBe(400);
      expect(
        (
          await request(server)
            .get(`${url}?limit=abc`)
            .set('Authorization', callers.internal)
        ).status,
      ).toBe(400);
      expect(
        await statusesFor(server, url, ['partner', 'anonymous', 'ci']),
      ).toEqual({ partner: 403, anonymous: 401, ci: 200 });
      expect(
        (
          await request(server)
            .get('/api/reliability/v1/entities/component/default/nope/trend')
            .set('Authorization', callers.internal)
        ).status,
      ).toBe(404);
    });
  },
);
