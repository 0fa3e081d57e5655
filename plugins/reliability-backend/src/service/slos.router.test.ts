import request from 'supertest';
import { readCorpusFile } from '@readiness/test-corpus';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  callers,
  catalogFolder,
  entity,
  startReliability,
  statusesFor,
} from '../__testUtils__/harness';

const results = JSON.parse(
  readCorpusFile('k6', 'xyz-finance-legacy', 'k6-results.json').toString(
    'utf8',
  ),
);

const SLO_FILE = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-latency
  displayName: Ledger posting latency
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec:
            metric: http_req_duration
            statistic: p(95)
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: p95 under 500 ms
      op: lt
      value: 500
      target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-availability
spec:
  service: ledger
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: k6
            spec:
              metric: http_req_failed
        total:
          metricSource:
            type: k6
            spec:
              metric: http_req_failed
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'GET entity SLOs on %s',
  databaseId => {
    const folder = catalogFolder({
      'slo.yaml': SLO_FILE,
      'broken.yaml':
        'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: Bad Name\nspec: {}\n',
    });

    afterAll(() => folder.remove());

    const component = (name: string, openslo?: string) =>
      entity('Component', name, {
        ...folder.location,
        ...(openslo && { 'readiness.dev/openslo': openslo }),
      });

    async function start() {
      const knex = await databases.init(databaseId);
      const server = await startReliability({
        knex,
        entities: [
          component('ledger', './slo.yaml'),
          component('filings', './slo.yaml, ./broken.yaml, ./missing.yaml'),
          component('ocr'),
        ],
      });
      const startedAt = new Date(Date.now() - 3_600_000).toISOString();
      const finishedAt = new Date(Date.now() - 3_000_000).toISOString();
      const published = await request(server)
        .post('/api/reliability/v1/runs')
        .set('Authorization', callers.ci)
        .send({
          run: {
            entityRef: 'component:default/ledger',
            scenario: 'transactions',
            environment: 'staging',
            release: '2026.11.4',
            startedAt,
            finishedAt,
            idempotencyKey: 'slo-run-1',
          },
          results,
        });
      expect(published.status).toBe(201);
      return { server, runId: published.body.run.id as string };
    }

    it('judges each SLO on the newest run and over its window', async () => {
      const { server, runId } = await start();
      const response = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/slos')
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/ledger',
        annotation: './slo.yaml',
        files: ['./slo.yaml'],
        problems: [],
      });
      const [latency, availability] = response.body.slos;
      expect(latency).toMatchObject({
        name: 'ledger-latency',
        runsInWindow: 1,
        latest: {
          runId,
          release: '2026.11.4',
          objectives: [
            {
              status: 'met',
              actual: 44.631,
              expected: 'p(95) of http_req_duration < 500',
            },
          ],
        },
        compliance: [
          { good: 1, total: 1, compliance: 1, errorBudgetRemaining: 1 },
        ],
      });
      expect(availability).toMatchObject({
        name: 'ledger-availability',
        latest: { objectives: [{ status: 'missed' }] },
        compliance: [{ good: 6349, total: 7621 }],
      });
      expect(availability.compliance[0].errorBudgetRemaining).toBeLessThan(0);
    });

    it('reports unreadable and invalid files, keeping the good ones', async () => {
      const { server } = await start();
      const response = await request(server)
        .get('/api/reliability/v1/entities/component/default/filings/slos')
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      expect(response.body.slos.map((s: any) => s.name)).toEqual([
        'ledger-latency',
        'ledger-availability',
      ]);
      expect(response.body.slos[0].runsInWindow).toBe(0);
      expect(response.body.slos[0].latest).toBeUndefined();
      expect(response.body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: './missing.yaml',
            message: expect.stringMatching(/could not read the file/),
          }),
          expect.objectContaining({
            file: './broken.yaml',
            path: '/metadata/name',
            line: 4,
          }),
        ]),
      );
    });

    it('says nothing is configured for an entity without the annotation', async () => {
      const { server } = await start();
      const response = await request(server)
        .get('/api/reliability/v1/entities/component/default/ocr/slos')
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        entityRef: 'component:default/ocr',
        files: [],
        slos: [],
        problems: [],
      });
    });

    it('refuses partners and anonymous callers, and answers 404 for unknown entities', async () => {
      const { server } = await start();
      const url = '/api/reliability/v1/entities/component/default/ledger/slos';
      expect(await statusesFor(server, url, ['partner', 'anonymous'])).toEqual({
        partner: 403,
        anonymous: 401,
      });
      const missing = await request(server)
        .get('/api/reliability/v1/entities/component/default/nope/slos')
        .set('Authorization', callers.internal);
      expect(missing.status).toBe(404);
    });
  },
);
