import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
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

const hoursAgo = (h: number) =>
  new Date(Date.now() - h * 3_600_000).toISOString();

/** A portal plugin's service token for the reliability backend. */
const scorecardsPlugin = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:scorecards'),
  targetPluginId: 'reliability',
});

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'entity records in bulk on %s',
  databaseId => {
    const folder = catalogFolder({ 'slo.yaml': SLO });

    afterAll(() => folder.remove());

    async function start() {
      const server = await startReliability({
        knex: await databases.init(databaseId),
        entities: [
          entity('Component', 'ledger', {
            ...folder.location,
            'readiness.dev/openslo': './slo.yaml',
          }),
          entity('Component', 'ocr'),
        ],
      });
      const post = (path: string, body: object, caller = callers.ci) =>
        request(server)
          .post(`/api/reliability${path}`)
          .set('Authorization', caller)
          .send(body);
      for (const [n, p95] of [
        [1, 250],
        [2, 260],
      ] as const) {
        const run = await post('/v1/runs', {
          run: {
            entityRef: 'component:default/ledger',
            scenario: 'ledger-post',
            environment: 'staging',
            release: '2026.11.1',
            startedAt: `2026-11-0${n}T02:00:00Z`,
            finishedAt: `2026-11-0${n}T02:05:00Z`,
            k6ExitCode: 0,
            idempotencyKey: `run-${n}`,
          },
          results: summary(p95),
        });
        expect(run.status).toBe(201);
      }
      const gate = await post('/v1/gates/component/default/ledger', {
        release: '2026.11.1',
        environment: 'staging',
      });
      expect(gate.status).toBe(201);
      const drill = await post('/v1/drills', {
        idempotencyKey: 'drill-1',
        drill: {
          entities: ['component:default/ledger'],
          scenario: 'Primary database lost in one zone',
          disruptionType: 'zone',
          started: hoursAgo(48),
          serviceRestored: hoursAgo(47),
          dataFreshnessAtRestore: hoursAgo(48.1),
          result: 'passed',
          evidence: ['https://ci.example/drills/1'],
        },
      });
      expect(drill.status).toBe(201);
      const backup = await post('/v1/backups', {
        idempotencyKey: 'verify-1',
        entityRef: 'component:default/ledger',
        artifact: 'base/1',
        kind: 'base-backup',
        sizeBytes: 1000,
        takenAt: hoursAgo(10),
        verifiedAt: hoursAgo(9),
        checksumVerified: true,
        restoreTested: true,
        restoreSucceeded: true,
        restoreSeconds: 60,
      });
      expect(backup.status).toBe(201);
      const read = (body: unknown, caller = scorecardsPlugin) =>
        request(server)
          .post('/api/reliability/v1/entity-records')
          .set('Authorization', caller)
          .send(body as object);
      return { read };
    }

    it("answers each entity's record in the order asked, leaving out entities not in the catalog", async () => {
      const { read } = await start();
      const response = await read({
        entityRefs: [
          'component:default/no-such-service',
          'component:ocr',
          'Component:default/Ledger',
        ],
      });
      expect(response.status).toBe(200);
      expect(response.body.items.map((r: any) => r.entityRef)).toEqual([
        'component:default/ocr',
        'component:default/ledger',
      ]);
      const [ocr, ledger] = response.body.items;
      expect(ocr).toEqual({
        entityRef: 'component:default/ocr',
        slos: expect.objectContaining({ slos: [] }),
        drills: expect.objectContaining({ drills: [] }),
        backups: expect.objectContaining({ kinds: [] }),
      });
      expect(ledger.slos.slos.map((s: any) => s.name)).toEqual([
        'post-latency',
      ]);
      expect(ledger.drills.drills).toHaveLength(1);
      expect(ledger.drills.drills[0]).toMatchObject({
        rtoMet: true,
        rpoMet: true,
      });
      expect(ledger.backups.kinds).toEqual([
        expect.objectContaining({ kind: 'base-backup', status: 'verified' }),
      ]);
      expect(ledger.newestGateVerdict).toMatchObject({
        release: '2026.11.1',
        status: 'pass',
        decidedAt: expect.any(String),
      });
      expect(ledger.newestRun).toMatchObject({
        finishedAt: '2026-11-02T02:05:00.000Z',
      });
      expect(ledger.newestRunRegression).toMatchObject({
        runId: ledger.newestRun.id,
        regressed: false,
        baseline: { kind: 'median' },
      });
    });

    it('answers an entity named twice once', async () => {
      const { read } = await start();
      const response = await read({
        entityRefs: ['component:default/ocr', 'component:default/OCR'],
      });
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(1);
    });

    it("refuses everyone but the portal's plugins: users (partners among them) and other service tokens 403, anonymous callers 401", async () => {
      const { read } = await start();
      const body = { entityRefs: ['component:default/ledger'] };
      const statuses: Record<string, number> = {};
      for (const [name, caller] of Object.entries({
        internal: callers.internal,
        partner: callers.partner,
        otherPartner: callers.otherPartner,
        ci: callers.ci,
        perfPublisher: callers.perfPublisher,
        anonymous: callers.anonymous,
      })) {
        const response = await read(body, caller);
        statuses[name] = response.status;
        expect(JSON.stringify(response.body)).not.toContain('post-latency');
      }
      expect(statuses).toEqual({
        internal: 403,
        partner: 403,
        otherPartner: 403,
        ci: 403,
        perfPublisher: 403,
        anonymous: 401,
      });
    });

    it('refuses a request without entities, with too many, with a bad ref or an unknown field, naming it', async () => {
      const { read } = await start();
      const tooMany = Array.from(
        { length: 101 },
        (_, i) => `component:default/c${i}`,
      );
      for (const [body, message] of [
        [{}, /entityRefs/],
        [{ entityRefs: [] }, /entityRefs/],
        [{ entityRefs: tooMany }, /entityRefs/],
        [{ entityRefs: ['component:default/'] }, /entityRefs\/0/],
        [{ entityRefs: [7] }, /entityRefs\/0/],
        [{ entityRefs: ['component:ocr'], limit: 5 }, /limit/],
        [{ entityRefs: ['ocr'] }, /entityRefs\/0/],
      ] as const) {
        const response = await read(body);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      }
    });
  },
);
