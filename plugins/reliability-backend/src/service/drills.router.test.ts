import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
} from '@readiness/backend-test-utils';
import { reliabilityPlugin } from '../plugin';
import {
  callers,
  entity,
  startReliability,
  statusesFor,
} from '../__testUtils__/harness';

const daysAgo = (days: number, minutes = 0) =>
  new Date(Date.now() - days * 86_400_000 + minutes * 60_000).toISOString();

function drill(
  entities: string[],
  type: string,
  started: string,
  restoredAfter: number,
  lostMinutes: number,
) {
  const start = Date.parse(started);
  return `---
entities: [${entities.join(', ')}]
scenario: Test drill
disruptionType: ${type}
started: '${started}'
serviceRestored: '${new Date(start + restoredAfter * 60_000).toISOString()}'
dataFreshnessAtRestore: '${new Date(
    start - lostMinutes * 60_000,
  ).toISOString()}'
result: passed
---

# Drill
`;
}

describe('GET entity drills', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-'));
    const recent = daysAgo(10);
    const old = daysAgo(60);
    fs.writeFileSync(
      path.join(dir, `${recent.slice(0, 10)}.md`),
      drill(['component:default/ledger'], 'zone', recent, 45, 5),
    );
    fs.writeFileSync(
      path.join(dir, `${old.slice(0, 10)}.md`),
      drill(
        ['component:default/ledger', 'component:default/filings'],
        'region',
        old,
        200,
        50,
      ),
    );
    fs.writeFileSync(
      path.join(dir, '2026-01-01-broken.md'),
      '---\nentities: nope\n---\n',
    );
    fs.writeFileSync(path.join(dir, 'README.md'), '# not a drill');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start() {
    const component = (
      name: string,
      annotations: Record<string, string> = {},
    ) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations },
      spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
    });
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({
          entities: [
            component('ledger', {
              'readiness.dev/dr-targets': 'region: rto=4h,rpo=1h',
            }),
            component('filings'),
            component('ocr', { 'readiness.dev/dr-targets': 'rto=soon' }),
            component('webhooks', {
              'readiness.dev/audience': 'partner',
              'readiness.dev/partner-reliability': 'published',
            }),
            component('documents', { 'readiness.dev/audience': 'partner' }),
          ],
        }),
        audiencePermissionsServiceFactory(),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              drills: {
                folders: [dir],
                targets: { zone: { rtoMinutes: 30, rpoMinutes: 10 } },
              },
            },
          },
        }),
      ],
    });
    return server;
  }

  it('judges each drill against the targets of its disruption type', async () => {
    const server = await start();
    const response = await request(server)
      .get('/api/reliability/v1/entities/component/default/ledger/drills')
      .set('Authorization', callers.internal);
    expect(response.status).toBe(200);
    expect(response.body.targets).toMatchObject({
      default: { rtoMinutes: 60, rpoMinutes: 15 },
      zone: { rtoMinutes: 30, rpoMinutes: 10 },
      region: { rtoMinutes: 240, rpoMinutes: 60 },
    });
    expect(
      response.body.drills.map((d: any) => [
        d.disruptionType,
        d.achievedRtoMinutes,
        d.achievedRpoMinutes,
        d.rtoMet,
        d.rpoMet,
      ]),
    ).toEqual([
      ['zone', 45, 5, false, true],
      ['region', 200, 50, true, true],
    ]);
    expect(response.body.cadence).toMatchObject({
      overdue: false,
      daysOverdue: 0,
    });
    // The broken record misses every field; each is named
    expect(response.body.problems.map((p: any) => p.field)).toEqual([
      'entities',
      'scenario',
      'disruptionType',
      'started',
      'serviceRestored',
      'dataFreshnessAtRestore',
      'result',
    ]);
    expect(response.body.problems[0]).toMatchObject({
      source: expect.stringMatching(/2026-01-01-broken\.md$/),
      line: 2,
    });
  });

  it('knows when an entity is overdue, and reads a bad annotation as a problem', async () => {
    const server = await start();
    const filings = await request(server)
      .get('/api/reliability/v1/entities/component/default/filings/drills')
      .set('Authorization', callers.internal);
    expect(filings.body.cadence).toMatchObject({
      overdue: true,
      daysOverdue: 30,
    });
    const ocr = await request(server)
      .get('/api/reliability/v1/entities/component/default/ocr/drills')
      .set('Authorization', callers.internal);
    expect(ocr.body.drills).toEqual([]);
    expect(ocr.body.cadence.overdue).toBe(false);
    expect(ocr.body.problems).toContainEqual(
      expect.objectContaining({
        source: 'annotation readiness.dev/dr-targets',
        message: expect.stringMatching(/cannot read "rto=soon"/),
      }),
    );
  });

  it('lets partners read the record of a partner-facing entity that publishes it, and only that', async () => {
    const server = await start();
    const read = (name: string) =>
      request(server)
        .get(`/api/reliability/v1/entities/component/default/${name}/drills`)
        .set('Authorization', callers.partner);
    expect((await read('webhooks')).status).toBe(200);
    // Partner-facing, but its record is not published
    expect((await read('documents')).status).toBe(403);
    // Internal
    expect((await read('ocr')).status).toBe(403);
    // Unknown: refused like an internal one, not told apart
    expect((await read('nope')).status).toBe(403);
  });

  it('refuses partners and anonymous callers, and answers 404 for unknown entities', async () => {
    const server = await start();
    const url = '/api/reliability/v1/entities/component/default/ledger/drills';
    expect(await statusesFor(server, url, ['partner', 'anonymous'])).toEqual({
      partner: 403,
      anonymous: 401,
    });
    const missing = await request(server)
      .get('/api/reliability/v1/entities/component/default/nope/drills')
      .set('Authorization', callers.internal);
    expect(missing.status).toBe(404);
  });
});

/** A drill file with the given fields over valid defaults. */
function drillFile(fields: Record<string, unknown>) {
  const front = {
    scenario: 'Primary queue lost in one zone',
    disruptionType: 'zone',
    started: '2026-11-20T10:00:00Z',
    serviceRestored: '2026-11-20T10:30:00Z',
    dataFreshnessAtRestore: '2026-11-20T09:58:00Z',
    result: 'passed',
    ...fields,
  };
  return `---\n${Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n\n# Drill\n`;
}

/** A problem's file name, or its annotation. */
const sourceName = (source: string) =>
  source.startsWith('annotation ') ? source : path.basename(source);

const databases = createStoreTestDatabases();

describe.each(databases.eachSupportedId())(
  'what readers see of drills on %s',
  databaseId => {
    const WEBHOOKS = 'component:default/webhooks';
    const LEDGER = 'component:default/ledger';
    const DOCUMENTS = 'component:default/documents';
    const FILING_DB = 'resource:default/filing-db';
    let dir: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-'));
      const files: Record<string, string> = {
        // Drills of the published entity that name internal ones too
        '2026-11-20.md': drillFile({
          entities: [WEBHOOKS, LEDGER],
          notes:
            'The ledger replica lagged; ask team-finance before the next one',
        }),
        '2026-11-21-queue.md': drillFile({
          entities: [WEBHOOKS, DOCUMENTS],
          started: '2026-11-21T10:00:00Z',
          serviceRestored: '2026-11-21T10:20:00Z',
          dataFreshnessAtRestore: '2026-11-21T09:59:00Z',
        }),
        // Broken records: about the published entity, about an internal one,
        // about both, and about none that can be read
        '2026-01-02-a.md': drillFile({ entities: [WEBHOOKS], result: 'meh' }),
        '2026-01-03-b.md': drillFile({ entities: [LEDGER], result: 'meh' }),
        '2026-01-04-c.md': drillFile({
          entities: [WEBHOOKS, LEDGER],
          disruptionType: 'meteor',
        }),
        '2026-01-01-broken.md': '---\nentities: nope\n---\n',
      };
      for (const [name, content] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), content);
      }
    });

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function start() {
      const server = await startReliability({
        knex: await databases.init(databaseId),
        entities: [
          entity('Component', 'webhooks', {
            'readiness.dev/audience': 'partner',
            'readiness.dev/partner-reliability': 'published',
            'readiness.dev/dr-targets': 'rto=soon',
          }),
          // Partner-facing, but its reliability record is not published
          entity('Component', 'documents', {
            'readiness.dev/audience': 'partner',
          }),
          entity('Component', 'ledger'),
          entity('Resource', 'filing-db'),
        ],
        config: { reliability: { drills: { folders: [dir] } } },
      });
      const pushed = await request(server)
        .post('/api/reliability/v1/drills')
        .set('Authorization', callers.drPublisher)
        .send({
          idempotencyKey: 'restore-81',
          drill: {
            entities: [WEBHOOKS, LEDGER, FILING_DB],
            scenario: 'Restore of the delivery store',
            disruptionType: 'data-corruption',
            started: '2026-11-22T10:00:00Z',
            serviceRestored: '2026-11-22T10:40:00Z',
            dataFreshnessAtRestore: '2026-11-22T09:55:00Z',
            result: 'passed',
            notes: 'filing-db came back from the WAL archive',
          },
        });
      expect(pushed.status).toBe(201);
      return server;
    }

    const read = (server: any, caller: string) =>
      request(server)
        .get('/api/reliability/v1/entities/component/default/webhooks/drills')
        .set('Authorization', caller);

    it('shows partners only the entities, problems and fields they may read', async () => {
      const server = await start();
      for (const caller of [callers.partner, callers.otherPartner]) {
        const response = await read(server, caller);
        expect(response.status).toBe(200);
        // Nothing of the internal entities, of the unpublished record or of
        // the notes reaches a partner, by name or otherwise
        expect(response.text).not.toMatch(
          /ledger|filing-db|documents|team-finance|WAL|broken|notes/,
        );
        expect(
          response.body.drills.map((d: any) => [
            d.started,
            d.entities,
            d.entitiesNotShown,
          ]),
        ).toEqual([
          // Internal entities are not even counted; a partner-facing one
          // whose record is not published is counted, without its name
          ['2026-11-22T10:00:00.000Z', [WEBHOOKS], undefined],
          ['2026-11-21T10:00:00.000Z', [WEBHOOKS], 1],
          ['2026-11-20T10:00:00.000Z', [WEBHOOKS], undefined],
        ]);
        // Problems of the records about the published entity alone, and of
        // its own annotation
        expect(
          response.body.problems.map((p: any) => [
            sourceName(p.source),
            p.field,
          ]),
        ).toEqual([
          ['2026-01-02-a.md', 'result'],
          ['annotation readiness.dev/dr-targets', 'default'],
        ]);
      }
    });

    it('shows internal users every entity, note and problem', async () => {
      const server = await start();
      const response = await read(server, callers.internal);
      expect(response.status).toBe(200);
      expect(
        response.body.drills.map((d: any) => [
          d.entities,
          d.entitiesNotShown,
          d.notes,
        ]),
      ).toEqual([
        [
          [WEBHOOKS, LEDGER, FILING_DB],
          undefined,
          'filing-db came back from the WAL archive',
        ],
        [[WEBHOOKS, DOCUMENTS], undefined, undefined],
        [
          [WEBHOOKS, LEDGER],
          undefined,
          'The ledger replica lagged; ask team-finance before the next one',
        ],
      ]);
      const sources = response.body.problems.map((p: any) =>
        sourceName(p.source),
      );
      for (const name of [
        '2026-01-01-broken.md',
        '2026-01-02-a.md',
        '2026-01-03-b.md',
        '2026-01-04-c.md',
        'annotation readiness.dev/dr-targets',
      ]) {
        expect(sources).toContain(name);
      }
    });

    it('keeps the rules for CI tokens: what they may read, no notes without the permission', async () => {
      const server = await start();
      const unrestricted = await read(server, callers.ci);
      expect(unrestricted.status).toBe(200);
      expect(unrestricted.body.drills[0].notes).toBeDefined();
      // A token that may push drills reads no record at all
      expect((await read(server, callers.drPublisher)).status).toBe(403);
    });
  },
);
