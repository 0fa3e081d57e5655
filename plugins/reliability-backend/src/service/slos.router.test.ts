import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
} from '@readiness/backend-test-utils';
import { readCorpusFile } from '@readiness/test-corpus';
import { reliabilityPlugin } from '../plugin';

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

const callers = {
  ci: mockCredentials.service.header(),
  internal: mockCredentials.user.header('user:default/guest'),
  partner: mockCredentials.user.header('user:default/maria.lopez'),
  anonymous: mockCredentials.none.header(),
};

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'GET entity SLOs on %s',
  databaseId => {
    let dir: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slos-'));
      fs.writeFileSync(path.join(dir, 'catalog-info.yaml'), 'kind: Component');
      fs.writeFileSync(path.join(dir, 'slo.yaml'), SLO_FILE);
      fs.writeFileSync(
        path.join(dir, 'broken.yaml'),
        'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: Bad Name\nspec: {}\n',
      );
    });

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    function component(name: string, openslo?: string) {
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': `file:${path.join(
              dir,
              'catalog-info.yaml',
            )}`,
            ...(openslo && { 'readiness.dev/openslo': openslo }),
          },
        },
        spec: {
          type: 'service',
          owner: 'team-finance',
          lifecycle: 'production',
        },
      };
    }

    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({
            entities: [
              component('ledger', './slo.yaml'),
              component('filings', './slo.yaml, ./broken.yaml, ./missing.yaml'),
              component('ocr'),
            ],
          }),
          audiencePermissionsServiceFactory(),
          mockServices.database.factory({ knex }),
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
      expect(
        (await request(server).get(url).set('Authorization', callers.partner))
          .status,
      ).toBe(403);
      expect(
        (await request(server).get(url).set('Authorization', callers.anonymous))
          .status,
      ).toBe(401);
      const missing = await request(server)
        .get('/api/reliability/v1/entities/component/default/nope/slos')
        .set('Authorization', callers.internal);
      expect(missing.status).toBe(404);
    });
  },
);
