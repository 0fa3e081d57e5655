import { Server } from 'node:http';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createStoreTestDatabases,
  sampleUserInfoServiceFactory,
} from '@readiness/backend-test-utils';
import request from 'supertest';
import {
  CallerName,
  callers,
  startScorecardsBackend,
  TestReliabilityFacts,
} from '../__testUtils__/backend';

const databases = createStoreTestDatabases();

const FINANCE = '/v1/rollups/groups/default/team-finance';
const LEDGER = 'component:default/ledger';

jest.setTimeout(60_000);

type Rollup = {
  subject: { entityRef: string; kind: string; title?: string };
  entities: Array<{
    entityRef: string;
    score: number | null;
    level: string | null;
    blockedBy: string[];
    trend: Array<{ day: string; score: number | null }>;
  }>;
  levels: Record<string, number>;
  failingChecks: Array<{
    id: string;
    blocking: number;
    failing: number;
    blockedEntityRefs: string[];
    howToFix: { docs: string };
  }>;
  mayMarkRitual?: boolean;
};

const as = (server: Server, caller: CallerName) => ({
  get: (route: string) =>
    request(server)
      .get(`/api/scorecards${route}`)
      .set('Authorization', callers[caller]),
  post: (route: string, body: unknown) =>
    request(server)
      .post(`/api/scorecards${route}`)
      .set('Authorization', callers[caller])
      .send(body as object),
});

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt >= 100) return value;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe.each(databases.eachSupportedId())(
  'scorecards rollups and rituals on %s',
  databaseId => {
    let server: Server;
    const reliability = new TestReliabilityFacts();
    const auditor = mockServices.auditor.mock();

    beforeAll(async () => {
      reliability.values.set(LEDGER, {
        'reliability.slos-declared': 2,
        'reliability.slos-met': false,
      });
      server = await startScorecardsBackend(await databases.init(databaseId), {
        reliability,
        features: [sampleUserInfoServiceFactory(), auditor.factory],
      });
    });

    it("rolls up a team's entities with levels, trends and the checks ranked by the entities they block", async () => {
      const res = await as(server, 'internal').get(FINANCE);
      expect(res.status).toBe(200);
      const rollup = res.body as Rollup;
      expect(rollup.subject).toEqual({
        entityRef: 'group:default/team-finance',
        kind: 'group',
        title: expect.any(String),
      });
      const refs = rollup.entities.map(e => e.entityRef);
      expect(refs).toContain(LEDGER);
      expect(refs).toContain('component:default/billing');
      expect(refs.some(r => r.includes('ocr'))).toBe(false);
      // lowest score first
      const scores = rollup.entities.map(e => e.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(Object.values(rollup.levels).reduce((a, b) => a + b)).toBe(
        refs.length,
      );
      const ledger = rollup.entities.find(e => e.entityRef === LEDGER)!;
      expect(ledger.trend).toEqual([
        expect.objectContaining({ score: ledger.score }),
      ]);
      // each check's count is the entities whose next level it blocks
      expect(rollup.failingChecks.length).toBeGreaterThan(0);
      for (const check of rollup.failingChecks) {
        const blocked = rollup.entities.filter(e =>
          e.blockedBy.includes(check.id),
        );
        expect(check.blocking).toBe(blocked.length);
        expect(check.blockedEntityRefs.sort()).toEqual(
          blocked.map(e => e.entityRef).sort(),
        );
        expect(check.failing).toBeGreaterThanOrEqual(check.blocking);
      }
      const blocking = rollup.failingChecks.map(c => c.blocking);
      expect(blocking).toEqual([...blocking].sort((a, b) => b - a));
      expect(rollup.mayMarkRitual).toBe(true);
    });

    it('rolls up a system with its entities and itself, a domain with its systems, and lists the teams', async () => {
      const system = await as(server, 'internal').get(
        '/v1/rollups/systems/default/filing-platform',
      );
      expect(system.status).toBe(200);
      const systemRefs = (system.body as Rollup).entities.map(e => e.entityRef);
      expect(systemRefs).toEqual(
        expect.arrayContaining([LEDGER, 'system:default/filing-platform']),
      );
      expect(system.body).not.toHaveProperty('mayMarkRitual');
      const domain = await as(server, 'internal').get(
        '/v1/rollups/domains/default/document-filing',
      );
      expect(domain.status).toBe(200);
      expect((domain.body as Rollup).entities.map(e => e.entityRef)).toEqual(
        expect.arrayContaining([
          ...systemRefs,
          'system:default/readiness-portal',
          'component:default/readiness-portal-app',
        ]),
      );
      const teams = await as(server, 'internal').get('/v1/rollups/groups');
      expect(teams.status).toBe(200);
      const finance = teams.body.teams.find(
        (t: { groupRef: string }) =>
          t.groupRef === 'group:default/team-finance',
      );
      const rollup = (await as(server, 'internal').get(FINANCE)).body as Rollup;
      expect(finance).toMatchObject({
        entities: rollup.entities.length,
        levels: rollup.levels,
      });
    });

    it('answers a group that does not exist, or is not a group, with 404 and a bad path with 400', async () => {
      for (const route of [
        '/v1/rollups/groups/default/no-such-team',
        '/v1/rollups/groups/default/ledger',
        '/v1/rollups/systems/default/team-finance',
        '/v1/rollups/groups/default/no-such-team/changes',
        '/v1/rollups/groups/default/no-such-team/rituals',
        '/v1/rollups/groups/default/no-such-team/rollup.csv',
      ]) {
        const res = await as(server, 'internal').get(route);
        expect([route, res.status]).toEqual([route, 404]);
      }
      const bad = await as(server, 'internal').get(
        '/v1/rollups/groups/default/team%3Afinance',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/name/);
    });

    it('marks a ritual held once a day, refuses bad fields by name, and says what changed since', async () => {
      const none = await as(server, 'internal').get(`${FINANCE}/changes`);
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ since: null, changed: [] });

      for (const [body, field] of [
        [{ day: '2026-13-01' }, 'day'],
        [{ day: '2999-01-01' }, 'day'],
        [{ day: '2020-01-01' }, 'day'],
        [{ note: 42 }, 'note'],
        [{ note: 'x'.repeat(2001) }, 'note'],
        [{ colour: 'red' }, 'colour'],
      ] as const) {
        const res = await as(server, 'internal').post(
          `${FINANCE}/rituals`,
          body,
        );
        expect([body, res.status, res.body.error?.message]).toEqual([
          body,
          400,
          // named by the schema (body/note) or by the service (note: ...)
          expect.stringMatching(new RegExp(`(^|/)${field}\\b`)),
        ]);
      }

      const marked = await as(server, 'internal').post(`${FINANCE}/rituals`, {
        note: 'ledger needs its SLOs met',
      });
      expect(marked.status).toBe(201);
      expect(marked.body).toMatchObject({
        created: true,
        ritual: {
          groupRef: 'group:default/team-finance',
          day: new Date().toISOString().slice(0, 10),
          note: 'ledger needs its SLOs met',
          heldBy: 'user:default/guest',
        },
      });
      const again = await as(server, 'internal').post(`${FINANCE}/rituals`, {});
      expect(again.status).toBe(200);
      expect(again.body).toEqual({
        created: false,
        ritual: marked.body.ritual,
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'ritual-mark',
          meta: expect.objectContaining({
            groupRef: 'group:default/team-finance',
          }),
        }),
      );

      const list = await as(server, 'internal').get(`${FINANCE}/rituals`);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([marked.body.ritual]);

      const unchanged = await as(server, 'internal').get(`${FINANCE}/changes`);
      expect(unchanged.body.since).toEqual(marked.body.ritual);
      expect(unchanged.body.changed).toEqual([]);

      // the ledger meets its SLOs after the ritual
      await new Promise(resolve => setTimeout(resolve, 5));
      reliability.values.set(LEDGER, {
        'reliability.slos-declared': 2,
        'reliability.slos-met': true,
      });
      reliability.changed([LEDGER]);
      const changes = await eventually(
        async () =>
          (
            await as(server, 'internal').get(`${FINANCE}/changes`)
          ).body,
        body => body.changed.length > 0,
      );
      expect(changes.changed).toEqual([
        {
          entityRef: LEDGER,
          then: { level: null, score: expect.any(Number) },
          now: { level: null, score: expect.any(Number) },
          started: [],
          stopped: [{ id: 'slos-met', title: expect.any(String) }],
        },
      ]);
      expect(changes.changed[0].now.score).toBeGreaterThan(
        changes.changed[0].then.score,
      );
      expect(changes.unchanged).toBe(unchanged.body.unchanged - 1);
    });

    it('exports the rollup as CSV, a record per entity', async () => {
      const res = await as(server, 'internal').get(`${FINANCE}/rollup.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="rollup-default-team-finance.csv"',
      );
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe(
        'entity_ref,kind,namespace,name,level,score,next_level,blocked_by,failing_checks,applicable_checks,computed_at',
      );
      const rollup = (await as(server, 'internal').get(FINANCE)).body as Rollup;
      expect(lines).toHaveLength(rollup.entities.length + 2);
      expect(lines.at(-1)).toBe('');
      expect(
        lines.some(l => l.startsWith(`${LEDGER},component,default,ledger,`)),
      ).toBe(true);
    });

    it('reads rollups for service tokens, never marks a ritual for them, and refuses partners, strangers and nobody', async () => {
      const ci = await as(server, 'ci').get(FINANCE);
      expect(ci.status).toBe(200);
      expect(ci.body.mayMarkRitual).toBe(false);
      const byService = await as(server, 'ci').post(`${FINANCE}/rituals`, {});
      expect(byService.status).toBe(403);

      const reads = [
        '/v1/rollups/groups',
        FINANCE,
        '/v1/rollups/systems/default/filing-platform',
        '/v1/rollups/domains/default/document-filing',
        `${FINANCE}/changes`,
        `${FINANCE}/rituals`,
        `${FINANCE}/rollup.csv`,
        '/v1/rollups/groups/default/no-such-team',
      ];
      for (const [caller, status] of [
        ['acme', 403],
        ['globex', 403],
        ['publisher', 403],
        ['otherPlugin', 401],
        ['anonymous', 401],
      ] as const) {
        for (const route of reads) {
          const res = await as(server, caller).get(route);
          expect([caller, route, res.status]).toEqual([caller, route, status]);
        }
        const post = await as(server, caller).post(`${FINANCE}/rituals`, {
          note: 'x',
        });
        expect([caller, post.status]).toEqual([caller, status]);
      }
      // a partner's refusal is recorded before the body is read
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'ritual-mark' }),
      );
    });
  },
);
