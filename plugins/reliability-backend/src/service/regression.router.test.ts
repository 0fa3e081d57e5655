import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
} from '@readiness/backend-test-utils';
import { reliabilityPlugin } from '../plugin';
import { callers, statusesFor } from '../__testUtils__/harness';

/** A handleSummary document with the given p95 latency and error rate. */
function summary(p95: number, errorRate: number) {
  return {
    metrics: {
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: {
          avg: p95 / 2,
          med: p95 / 3,
          'p(90)': p95 * 0.9,
          'p(95)': p95,
          max: p95 * 2,
        },
      },
      http_req_failed: {
        type: 'rate',
        contains: 'default',
        values: {
          rate: errorRate,
          passes: errorRate * 1000,
          fails: 1000 - errorRate * 1000,
        },
      },
    },
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'regressions and comparison on %s',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: { name: 'ledger', namespace: 'default' },
                spec: {
                  type: 'service',
                  owner: 'team-finance',
                  lifecycle: 'production',
                },
              },
            ],
          }),
          audiencePermissionsServiceFactory(),
          mockServices.database.factory({ knex }),
        ],
      });
      const ids: string[] = [];
      const runs: Array<[number, number]> = [
        [100, 0.01],
        [110, 0.01],
        [120, 0.01],
        [150, 0.01],
        [115, 0.012],
      ];
      for (const [i, [p95, errorRate]] of runs.entries()) {
        const published = await request(server)
          .post('/api/reliability/v1/runs')
          .set('Authorization', callers.ci)
          .send({
            run: {
              entityRef: 'component:default/ledger',
              scenario: 'ledger-post',
              environment: 'staging',
              startedAt: `2026-11-2${i}T02:00:00Z`,
              finishedAt: `2026-11-2${i}T02:05:00Z`,
              k6ExitCode: 0,
              idempotencyKey: `run-${i}`,
            },
            results: summary(p95, errorRate),
          });
        expect(published.status).toBe(201);
        ids.push(published.body.run.id);
      }
      return { server, ids };
    }

    it('judges runs against the median of the earlier passing runs', async () => {
      const { server, ids } = await start();
      const get = (id: string) =>
        request(server)
          .get(`/api/reliability/v1/runs/${id}/regression`)
          .set('Authorization', callers.internal);

      const first = await get(ids[0]);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        baseline: { kind: 'median', runIds: [] },
        findings: [],
        reason:
          'no earlier passing run of ledger-post in staging to compare with',
      });

      const slower = await get(ids[3]);
      expect(slower.body).toMatchObject({
        regressed: true,
        baseline: { kind: 'median', runIds: [ids[2], ids[1], ids[0]] },
        findings: [
          {
            metric: 'http_req_duration',
            statistic: 'p(95)',
            baseline: 110,
            actual: 150,
            regressed: true,
          },
          { metric: 'http_req_failed', statistic: 'rate', regressed: false },
        ],
      });

      const fine = await get(ids[4]);
      expect(fine.body).toMatchObject({
        regressed: false,
        reason: 'within tolerance of the baseline',
      });
      expect(fine.body.findings[0]).toMatchObject({ baseline: 115 });
    });

    it('compares any two runs', async () => {
      const { server, ids } = await start();
      const response = await request(server)
        .get(`/api/reliability/v1/runs/${ids[0]}/compare/${ids[3]}`)
        .set('Authorization', callers.internal);
      expect(response.status).toBe(200);
      expect(response.body.differences).toContainEqual({
        metric: 'http_req_duration',
        statistic: 'p(95)',
        a: 100,
        b: 150,
        change: 50,
        relativeChange: 0.5,
      });
    });

    it('answers partners 404 as for unknown runs, and refuses anonymous callers', async () => {
      const { server, ids } = await start();
      for (const url of [
        `/api/reliability/v1/runs/${ids[3]}/regression`,
        `/api/reliability/v1/runs/${ids[0]}/compare/${ids[3]}`,
      ]) {
        expect(
          await statusesFor(server, url, ['partner', 'otherPartner']),
        ).toEqual({ partner: 404, otherPartner: 404 });
        expect(
          (
            await request(server)
              .get(url)
              .set('Authorization', callers.anonymous)
          ).status,
        ).toBe(401);
      }
      const unknown = await request(server)
        .get(
          `/api/reliability/v1/runs/${ids[0]}/compare/6f1c2a5e-8d4b-4b7e-9a51-0c2f3d4e5f60`,
        )
        .set('Authorization', callers.internal);
      expect(unknown.status).toBe(404);
    });

    it('uses a pinned baseline until it is unpinned', async () => {
      const { server, ids } = await start();
      const pin = (caller: string) =>
        request(server)
          .put(`/api/reliability/v1/runs/${ids[0]}/baseline`)
          .set('Authorization', caller);

      // A run the partner may not read does not exist for them
      expect((await pin(callers.partner)).status).toBe(404);
      expect((await pin(callers.ci)).status).toBe(403);
      expect((await pin(callers.anonymous)).status).toBe(401);

      const pinned = await pin(callers.internal);
      expect(pinned.status).toBe(200);
      expect(pinned.body).toMatchObject({
        kind: 'pinned',
        runIds: [ids[0]],
        pinnedBy: 'user:default/guest',
      });

      // Against the median (115) run 4 is fine; against the pinned run (100) it is 15 % slower
      const regression = await request(server)
        .get(`/api/reliability/v1/runs/${ids[4]}/regression`)
        .set('Authorization', callers.internal);
      expect(regression.body).toMatchObject({
        regressed: true,
        baseline: { kind: 'pinned', runIds: [ids[0]] },
      });
      expect(regression.body.findings[0]).toMatchObject({
        statistic: 'p(95)',
        baseline: 100,
        actual: 115,
        regressed: true,
      });

      for (const [caller, status] of [
        [callers.partner, 404],
        [callers.ci, 403],
        [callers.anonymous, 401],
      ] as const) {
        const refused = await request(server)
          .delete(`/api/reliability/v1/runs/${ids[0]}/baseline`)
          .set('Authorization', caller);
        expect(refused.status).toBe(status);
      }
      const unpinned = await request(server)
        .delete(`/api/reliability/v1/runs/${ids[0]}/baseline`)
        .set('Authorization', callers.internal);
      expect(unpinned.body).toEqual({ removed: true });
      const again = await request(server)
        .get(`/api/reliability/v1/runs/${ids[4]}/regression`)
        .set('Authorization', callers.internal);
      expect(again.body).toMatchObject({
        regressed: false,
        baseline: { kind: 'median' },
      });
    });
  },
);
