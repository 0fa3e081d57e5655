import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { RELIABILITY_CHANGED_TOPIC } from '@readiness/plugin-reliability-common';
import {
  callers,
  entity,
  startReliability,
  statusesFor,
} from '../__testUtils__/harness';

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3_600_000).toISOString();

function drill(overrides: Record<string, unknown> = {}) {
  return {
    entities: ['component:default/ledger', 'resource:default/filing-db'],
    scenario: 'Primary database lost in one zone',
    disruptionType: 'zone',
    started: '2026-11-20T10:00:00Z',
    serviceRestored: '2026-11-20T10:42:00Z',
    dataFreshnessAtRestore: '2026-11-20T09:57:00Z',
    result: 'passed',
    evidence: ['https://ci.example/drills/81'],
    ...overrides,
  };
}

function verification(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: 'verify-1',
    entityRef: 'resource:default/filing-db',
    artifact: 'base/20261120T0200',
    kind: 'base-backup',
    sizeBytes: 7_340_032_000,
    takenAt: hoursAgo(10),
    verifiedAt: hoursAgo(9),
    checksumVerified: true,
    restoreTested: true,
    restoreSucceeded: true,
    restoreSeconds: 840,
    ...overrides,
  };
}

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'DR evidence pushed by pipelines on %s',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const server = await startReliability({
        knex,
        entities: [
          entity('Component', 'ledger'),
          entity('Resource', 'filing-db'),
        ],
      });
      return { server, knex };
    }

    it('says on the events service which entities a new drill or verification is of, and nothing for a retry', async () => {
      const events = mockServices.events.mock();
      const server = await startReliability({
        knex: await databases.init(databaseId),
        entities: [
          entity('Component', 'ledger'),
          entity('Resource', 'filing-db'),
        ],
        features: [events.factory],
      });
      const push = (route: string, body: object) =>
        request(server)
          .post(`/api/reliability/v1/${route}`)
          .set('Authorization', callers.ci)
          .send(body);
      const body = { idempotencyKey: 'drill-82', drill: drill() };
      expect((await push('drills', body)).status).toBe(201);
      expect((await push('drills', body)).status).toBe(200);
      const verified = verification();
      expect((await push('backups', verified)).status).toBe(201);
      expect((await push('backups', verified)).status).toBe(200);
      expect(events.publish.mock.calls).toEqual([
        [
          {
            topic: RELIABILITY_CHANGED_TOPIC,
            eventPayload: {
              record: 'drill',
              entityRefs: [
                'component:default/ledger',
                'resource:default/filing-db',
              ],
            },
          },
        ],
        [
          {
            topic: RELIABILITY_CHANGED_TOPIC,
            eventPayload: {
              record: 'backup-verification',
              entityRefs: ['resource:default/filing-db'],
            },
          },
        ],
      ]);
    });

    it('stores a pushed drill once, shows it on every entity it names, and refuses a reused key', async () => {
      const { server } = await start();
      const push = (body: object) =>
        request(server)
          .post('/api/reliability/v1/drills')
          .set('Authorization', callers.ci)
          .send(body);
      const first = await push({ idempotencyKey: 'drill-81', drill: drill() });
      expect(first.status).toBe(201);
      expect(first.body.drill).toMatchObject({
        source: 'push:drill-81',
        achievedRtoMinutes: 42,
        achievedRpoMinutes: 3,
      });
      const retry = await push({ idempotencyKey: 'drill-81', drill: drill() });
      expect(retry.status).toBe(200);
      expect(retry.body.created).toBe(false);
      const conflict = await push({
        idempotencyKey: 'drill-81',
        drill: drill({ result: 'failed' }),
      });
      expect(conflict.status).toBe(409);

      for (const path of [
        'component/default/ledger',
        'resource/default/filing-db',
      ]) {
        const read = await request(server)
          .get(`/api/reliability/v1/entities/${path}/drills`)
          .set('Authorization', callers.internal);
        expect(read.status).toBe(200);
        expect(read.body.drills).toHaveLength(1);
        expect(read.body.drills[0]).toMatchObject({
          source: 'push:drill-81',
          rtoMet: true,
          rpoMet: true,
          targets: { rtoMinutes: 60, rpoMinutes: 15 },
        });
        expect(read.body.cadence.lastDrill).toBe('2026-11-20T10:00:00.000Z');
      }
    });

    it('answers 400 naming the field for bad drills, and stores nothing', async () => {
      const { server, knex } = await start();
      const cases: Array<[unknown, RegExp]> = [
        [{ drill: drill() }, /idempotencyKey/],
        [{ idempotencyKey: 'k', drill: 'yes' }, /drill/],
        [{ idempotencyKey: 'k', drill: drill(), extra: 1 }, /extra/],
        [
          { idempotencyKey: 'k', drill: drill({ disruptionType: 'meteor' }) },
          /disruptionType/,
        ],
        [
          {
            idempotencyKey: 'k',
            drill: drill({ serviceRestored: '2026-11-20T09:00:00Z' }),
          },
          /serviceRestored.*before started/,
        ],
        [{ idempotencyKey: 'k', drill: drill({ started: 'NaN' }) }, /started/],
        [
          { idempotencyKey: 'k', drill: drill({ colour: 'red' }) },
          /drill\/colour/,
        ],
        [
          {
            idempotencyKey: 'k',
            drill: drill({ entities: ['component:default/nope'] }),
          },
          /entities\/0.*no entity/,
        ],
      ];
      for (const [body, message] of cases) {
        const response = await request(server)
          .post('/api/reliability/v1/drills')
          .set('Authorization', callers.ci)
          .send(body as object);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      }
      const garbage = await request(server)
        .post('/api/reliability/v1/drills')
        .set('Authorization', callers.ci)
        .set('Content-Type', 'application/json')
        .send('{"idempotencyKey": ');
      expect(garbage.status).toBe(400);
      expect(garbage.body.error.message).toMatch(/not valid JSON/);
      const [{ n }] = await knex('dr_drills').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('answers 413 for bodies over the limit, and stores nothing', async () => {
      const { server, knex } = await start();
      const huge = 'x'.repeat(11 * 1024 * 1024);
      for (const [url, body] of [
        [
          '/api/reliability/v1/drills',
          { idempotencyKey: 'big', drill: drill({ notes: huge }) },
        ],
        ['/api/reliability/v1/backups', verification({ notes: huge })],
      ] as const) {
        const response = await request(server)
          .post(url)
          .set('Authorization', callers.ci)
          .send(body);
        expect(response.status).toBe(413);
      }
      const [{ n }] = await knex('dr_drills').count({ n: '*' });
      const [{ m }] = await knex('backup_verifications').count({ m: '*' });
      expect(Number(n) + Number(m)).toBe(0);
    });

    it('lets only service callers push; users get 403, anonymous callers 401', async () => {
      const { server } = await start();
      for (const [path, body] of [
        ['/api/reliability/v1/drills', { idempotencyKey: 'x', drill: drill() }],
        ['/api/reliability/v1/backups', verification()],
      ] as const) {
        for (const [caller, status] of [
          [callers.internal, 403],
          [callers.partner, 403],
          [callers.anonymous, 401],
        ] as const) {
          const response = await request(server)
            .post(path)
            .set('Authorization', caller)
            .send(body);
          expect(response.status).toBe(status);
        }
      }
    });

    it('keeps backup verifications idempotent and judges each kind', async () => {
      const { server } = await start();
      const push = (body: unknown) =>
        request(server)
          .post('/api/reliability/v1/backups')
          .set('Authorization', callers.ci)
          .send(body as object);
      const base = verification();
      expect((await push(base)).status).toBe(201);
      expect((await push(base)).status).toBe(200);
      expect((await push({ ...base, sizeBytes: 1 })).status).toBe(409);
      // A newer WAL segment whose checksum failed
      expect(
        (
          await push(
            verification({
              idempotencyKey: 'wal-1',
              artifact: 'wal/000000010000000A',
              kind: 'wal-archive',
              sizeBytes: 16_777_216,
              takenAt: hoursAgo(1),
              verifiedAt: hoursAgo(0.5),
              checksumVerified: false,
              restoreTested: false,
              restoreSucceeded: undefined,
              restoreSeconds: undefined,
            }),
          )
        ).status,
      ).toBe(201);
      // An old object version: stale
      expect(
        (
          await push(
            verification({
              idempotencyKey: 'obj-1',
              artifact: 'documents/2026/11/01',
              kind: 'object-version',
              takenAt: hoursAgo(100),
              verifiedAt: hoursAgo(99),
              restoreTested: false,
              restoreSucceeded: undefined,
              restoreSeconds: undefined,
            }),
          )
        ).status,
      ).toBe(201);

      const state = await request(server)
        .get('/api/reliability/v1/entities/resource/default/filing-db/backups')
        .set('Authorization', callers.internal);
      expect(state.status).toBe(200);
      expect(state.body.maxAgeHours).toBe(26);
      expect(
        state.body.kinds.map((k: any) => [k.kind, k.status, k.latest.artifact]),
      ).toEqual([
        ['base-backup', 'verified', 'base/20261120T0200'],
        ['wal-archive', 'failed', 'wal/000000010000000A'],
        ['object-version', 'stale', 'documents/2026/11/01'],
      ]);
      expect(state.body.kinds[0].lastRestoreTested).toBe(base.verifiedAt);
      expect(state.body.kinds[0].latest.sizeBytes).toBe(7_340_032_000);

      const page = await request(server)
        .get(
          '/api/reliability/v1/entities/resource/default/filing-db/backups/verifications?limit=2',
        )
        .set('Authorization', callers.internal);
      expect(page.status).toBe(200);
      expect(page.body.items.map((v: any) => v.kind)).toEqual([
        'wal-archive',
        'base-backup',
      ]);
      const next = await request(server)
        .get(
          `/api/reliability/v1/entities/resource/default/filing-db/backups/verifications?limit=2&cursor=${page.body.nextCursor}`,
        )
        .set('Authorization', callers.internal);
      expect(next.body.items.map((v: any) => v.kind)).toEqual([
        'object-version',
      ]);
      expect(next.body.nextCursor).toBeUndefined();
      const filtered = await request(server)
        .get(
          '/api/reliability/v1/entities/resource/default/filing-db/backups/verifications?backupKind=wal-archive',
        )
        .set('Authorization', callers.internal);
      expect(filtered.body.items).toHaveLength(1);
    });

    it('answers 400 naming the field for bad verifications, and stores nothing', async () => {
      const { server, knex } = await start();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ kind: 'tape' }, /kind/],
        [{ sizeBytes: -1 }, /sizeBytes/],
        [{ sizeBytes: 1.5 }, /sizeBytes/],
        [{ takenAt: 'yesterday' }, /takenAt/],
        [{ verifiedAt: hoursAgo(20) }, /verifiedAt.*before takenAt/],
        [{ checksumVerified: 'yes' }, /checksumVerified/],
        [{ restoreSucceeded: undefined }, /restoreSucceeded/],
        [
          { restoreTested: false, restoreSucceeded: undefined },
          /restoreSeconds.*restoreTested is false/,
        ],
        [{ evidence: ['ftp://x'] }, /evidence/],
        [{ entityRef: 'resource:default/nope' }, /entityRef.*no entity/],
        [{ entityRef: 'not a ref' }, /entityRef/],
        [{ colour: 'red' }, /colour/],
      ];
      for (const [overrides, message] of cases) {
        const response = await request(server)
          .post('/api/reliability/v1/backups')
          .set('Authorization', callers.ci)
          .send(verification(overrides));
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      }
      const [{ n }] = await knex('backup_verifications').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('refuses readers of backups who may not read the record', async () => {
      const { server } = await start();
      const url =
        '/api/reliability/v1/entities/resource/default/filing-db/backups';
      expect(
        await statusesFor(server, url, ['partner', 'anonymous', 'ci']),
      ).toEqual({ partner: 403, anonymous: 401, ci: 200 });
      const missing = await request(server)
        .get('/api/reliability/v1/entities/resource/default/nope/backups')
        .set('Authorization', callers.internal);
      expect(missing.status).toBe(404);
      const empty = await request(server)
        .get('/api/reliability/v1/entities/component/default/ledger/backups')
        .set('Authorization', callers.internal);
      expect(empty.body.kinds).toEqual([]);
    });
  },
);
