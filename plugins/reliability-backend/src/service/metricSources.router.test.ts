import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  reliabilityMetricSourcesExtensionPoint,
  SloMetricSource,
} from '@readiness/plugin-reliability-node';
import {
  callers,
  catalogFolder,
  entity,
  startReliability,
} from '../__testUtils__/harness';
import { MetricSourceRegistry } from './metricSources';

const internal = callers.internal;

const slo = (name: string, type: string) => `apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: ${type}
          spec: { query: 'histogram_quantile(0.95, rate(http_seconds_bucket[5m]))' }
  timeWindow: [{ duration: 7d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lt, value: 0.3, target: 0.99 }]
`;

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'metric sources added by modules on %s',
  databaseId => {
    const folder = catalogFolder({
      'slo.yaml': [
        slo('api-latency', 'Prometheus'),
        slo('broken-source', 'flaky'),
      ].join('---\n'),
    });

    afterAll(() => folder.remove());

    async function start() {
      const calls: Array<{ entityRef: string; days: number }> = [];
      const prometheus: SloMetricSource = {
        type: 'prometheus',
        async evaluate({ entityRef, slo: judged, window }) {
          calls.push({
            entityRef,
            days: (window.end.getTime() - window.start.getTime()) / 86_400_000,
          });
          return {
            latest: {
              at: '2026-11-28T03:00:00.000Z',
              objectives: [
                {
                  slo: judged.name,
                  objective: 0,
                  status: 'missed',
                  actual: 0.42,
                  expected: 'p95 lt 0.3',
                  reason: '0.42 is not lt 0.3',
                },
              ],
            },
            compliance: [
              {
                slo: judged.name,
                objective: 0,
                target: 0.99,
                compliance: 0.97,
                errorBudgetRemaining: -2,
                good: 97,
                total: 100,
              },
            ],
          };
        },
      };
      const flaky: SloMetricSource = {
        type: 'flaky',
        async evaluate() {
          throw new Error('connection refused');
        },
      };
      const sources = createBackendModule({
        pluginId: 'reliability',
        moduleId: 'test-sources',
        register(env) {
          env.registerInit({
            deps: { extension: reliabilityMetricSourcesExtensionPoint },
            async init({ extension }) {
              extension.addMetricSource(prometheus, flaky);
            },
          });
        },
      });
      const knex = await databases.init(databaseId);
      const server = await startReliability({
        knex,
        entities: [
          entity('Component', 'ledger', {
            ...folder.location,
            'readiness.dev/openslo': './slo.yaml',
          }),
        ],
        features: [sources],
      });
      return { server, calls };
    }

    it('judges SLOs of an added source by that source, and reports a failing source as a problem', async () => {
      const { server, calls } = await start();
      const response = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/slos')
        .set('Authorization', internal);
      expect(response.status).toBe(200);
      const [latency, broken] = response.body.slos;
      expect(latency).toMatchObject({
        name: 'api-latency',
        latest: {
          source: 'prometheus',
          startedAt: '2026-11-28T03:00:00.000Z',
          objectives: [{ status: 'missed', actual: 0.42 }],
        },
        compliance: [{ compliance: 0.97 }],
      });
      expect(broken.name).toBe('broken-source');
      expect(broken.latest).toBeUndefined();
      expect(response.body.problems).toContainEqual(
        expect.objectContaining({
          message: 'metric source flaky failed: connection refused',
        }),
      );
      expect(calls).toEqual([
        { entityRef: 'component:default/ledger', days: 7 },
      ]);
    });

    it('lets the release gate use the source’s judgement', async () => {
      const { server } = await start();
      const gate = await request(server)
        .get(
          '/api/reliability/v1/gates/component/default/ledger?release=1.0.0&environment=staging',
        )
        .set('Authorization', internal);
      expect(gate.status).toBe(200);
      expect(gate.body.status).toBe('fail');
      expect(gate.body.reasons).toContainEqual(
        expect.objectContaining({
          input: 'slo',
          subject: 'api-latency',
          status: 'fail',
          message: 'p95 lt 0.3: 0.42 is not lt 0.3',
        }),
      );
      expect(gate.body.reasons).toContainEqual(
        expect.objectContaining({
          input: 'slo',
          status: 'unknown',
          message: expect.stringMatching(/metric source flaky failed/),
        }),
      );
    });

    it('refuses to replace the built-in k6 source', async () => {
      const registry = new MetricSourceRegistry();
      expect(() =>
        registry.add({
          type: 'K6',
          evaluate: async () => ({ compliance: [] }),
        }),
      ).toThrow(/built in/);
    });
  },
);
