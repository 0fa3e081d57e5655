import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { audiencePermissionsServiceFactory } from '@readiness/backend-test-utils';
import { reliabilityPlugin } from '../plugin';
import { callers, statusesFor } from '../__testUtils__/harness';

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
