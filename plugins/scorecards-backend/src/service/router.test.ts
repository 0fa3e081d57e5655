import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'node:http';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { repositoryPath } from '@readiness/test-corpus';
import request from 'supertest';
import {
  CallerName,
  callers,
  startScorecardsBackend,
  TestReliabilityFacts,
} from '../__testUtils__/backend';

const databases = createStoreTestDatabases();

const LEDGER = 'component/default/ledger';
const OCR = 'component/default/ocr';
const MISSING = 'component/default/no-such-service';
const CHECK_FILES = fs
  .readdirSync(repositoryPath('scorecards', 'checks'))
  .filter(name => name.endsWith('.yaml'));

const today = () => new Date().toISOString().slice(0, 10);

jest.setTimeout(60_000);

type Scorecard = {
  entityRef: string;
  level: string | null;
  score: number | null;
  applicable: number;
  categories: Array<{ category: string; passed: number; failed: number }>;
  checks: Array<{ id: string; status: string; level: string }>;
  nextLevel: { level: string; blockedBy: string[] } | null;
  computedAt: string;
};

const as = (server: Server, caller: CallerName) => ({
  get: (route: string) =>
    request(server)
      .get(`/api/scorecards${route}`)
      .set('Authorization', callers[caller]),
});

/** Asks until `done` holds of the answer: recomputes after events run in the background. */
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
  'scorecards API on %s',
  databaseId => {
    let server: Server;
    const reliability = new TestReliabilityFacts();

    beforeAll(async () => {
      reliability.values.set('component:default/ledger', {
        'reliability.slos-declared': 2,
        'reliability.slos-met': false,
      });
      server = await startScorecardsBackend(await databases.init(databaseId), {
        reliability,
      });
    });

    const scorecardOf = async (
      entity: string,
      caller: CallerName = 'internal',
    ) => {
      const res = await as(server, caller).get(
        `/v1/entities/${entity}/scorecard`,
      );
      expect(res.status).toBe(200);
      return res.body as Scorecard;
    };
    const statusOf = (card: Scorecard, checkId: string) =>
      card.checks.find(c => c.id === checkId)?.status;

    it('scores entities after start from the catalog and the providers, with what blocks the next level', async () => {
      const ledger = await scorecardOf(LEDGER);
      expect(ledger.entityRef).toBe('component:default/ledger');
      // ledger names an existing group and system, and has no runbook or TechDocs
      expect(
        [
          'owner-is-group',
          'system-set',
          'lifecycle-set',
          'description-set',
          'source-location-set',
          'runbook-link',
          'techdocs-present',
          'slos-declared',
          'slos-met',
          'dr-targets-declared',
        ].map(id => statusOf(ledger, id)),
      ).toEqual([
        'pass',
        'pass',
        'pass',
        'pass',
        'pass',
        'fail',
        'fail',
        'pass',
        'fail',
        'unknown',
      ]);
      expect(ledger.categories.find(c => c.category === 'ownership')).toEqual({
        category: 'ownership',
        title: 'Ownership',
        score: 71,
        passed: 5,
        failed: 2,
        unknown: 0,
        applicable: 7,
      });
      // API checks do not apply to a component
      expect(ledger.checks.some(c => c.id === 'api-definition-collected')).toBe(
        false,
      );
      expect(ledger.checks.find(c => c.id === 'runbook-link')).toMatchObject({
        title: expect.any(String),
        category: 'ownership',
        level: 'silver',
        why: expect.any(String),
        howToFix: { text: expect.any(String), docs: expect.any(String) },
        reason: expect.stringContaining('catalog.runbook-link'),
      });
      // unknown facts (no DR provider) keep it below bronze
      expect(ledger.level).toBeNull();
      expect(ledger.nextLevel?.level).toBe('bronze');
      expect(ledger.nextLevel?.blockedBy).toContain('dr-targets-declared');
      expect(ledger.nextLevel?.blockedBy).not.toContain('owner-is-group');
      expect(
        ledger.nextLevel?.blockedBy.every(
          id =>
            ledger.checks.find(c => c.id === id)?.level === 'bronze' &&
            statusOf(ledger, id) !== 'pass',
        ),
      ).toBe(true);
      expect(ledger.score).toBeGreaterThan(0);

      // the portal's own system is scored as well
      const portal = await scorecardOf('system/default/readiness-portal');
      expect(statusOf(portal, 'techdocs-present')).toBe('pass');
    });

    it('scores an entity again as soon as its provider signals a change', async () => {
      const before = await scorecardOf(LEDGER);
      expect(statusOf(before, 'slos-met')).toBe('fail');
      const batches = reliability.batches;
      reliability.values.set('component:default/ledger', {
        'reliability.slos-declared': 2,
        'reliability.slos-met': true,
      });
      reliability.changed(['component:default/ledger']);
      const after = await eventually(
        () => scorecardOf(LEDGER),
        card => statusOf(card, 'slos-met') === 'pass',
      );
      expect(statusOf(after, 'slos-met')).toBe('pass');
      expect(after.score).toBeGreaterThan(before.score!);
      expect(Date.parse(after.computedAt)).toBeGreaterThan(
        Date.parse(before.computedAt),
      );
      // one batch, for the entity the change named
      expect(reliability.batches).toBe(batches + 1);
    });

    it('answers service tokens, and refuses tokens that hold nothing of scorecards or are for another plugin', async () => {
      expect((await scorecardOf(LEDGER, 'ci')).entityRef).toBe(
        'component:default/ledger',
      );
      const refused = await as(server, 'publisher').get(
        `/v1/entities/${LEDGER}/scorecard`,
      );
      expect(refused.status).toBe(403);
      expect((await as(server, 'publisher').get('/v1/checks')).status).toBe(
        403,
      );
      const elsewhere = await as(server, 'otherPlugin').get(
        `/v1/entities/${LEDGER}/scorecard`,
      );
      expect(elsewhere.status).toBe(401);
    });

    it('answers an entity the catalog does not hold with 404, and a bad path with 400', async () => {
      const missing = await as(server, 'internal').get(
        `/v1/entities/${MISSING}/scorecard`,
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error).toEqual({
        name: 'NotFoundError',
        message: 'No entity component:default/no-such-service',
      });
      expect(
        (
          await as(server, 'internal').get(
            `/v1/entities/${MISSING}/scorecard/history`,
          )
        ).status,
      ).toBe(404);
      const bad = await as(server, 'internal').get(
        '/v1/entities/component/default/led%3Ager/scorecard',
      );
      expect(bad.status).toBe(400);
    });

    it('keeps one snapshot a day, and refuses ranges it cannot answer', async () => {
      const res = await as(server, 'internal').get(
        `/v1/entities/${LEDGER}/scorecard/history`,
      );
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/ledger');
      expect(res.body.to).toBe(today());
      expect(res.body.days).toHaveLength(1);
      const current = await scorecardOf(LEDGER);
      expect(res.body.days[0]).toMatchObject({
        day: today(),
        level: current.level,
        score: current.score,
        computedAt: current.computedAt,
      });
      const range = (query: string) =>
        as(server, 'internal').get(
          `/v1/entities/${LEDGER}/scorecard/history?${query}`,
        );
      expect((await range('from=2026-01-01&to=2026-01-31')).body.days).toEqual(
        [],
      );
      const reversed = await range('from=2026-02-01&to=2026-01-01');
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.message).toMatch(/^from: /);
      const tooLong = await range('from=2024-01-01&to=2026-01-01');
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(/366 days/);
      expect((await range('from=2026-02-30')).status).toBe(400);
      expect((await range('to=yesterday')).status).toBe(400);
    });

    it('lists the checks, with the problems of the files for internal callers', async () => {
      const res = await as(server, 'internal').get('/v1/checks');
      expect(res.status).toBe(200);
      expect(res.body.checks).toHaveLength(CHECK_FILES.length);
      expect(res.body.problems).toEqual([]);
      expect(res.body.checks[0]).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        category: expect.any(String),
        level: expect.any(String),
        weight: expect.any(Number),
        why: expect.any(String),
        howToFix: { text: expect.any(String), docs: expect.any(String) },
      });
      expect((await as(server, 'ci').get('/v1/checks')).body.problems).toEqual(
        [],
      );
    });

    it('refuses partners every route with one 403, whatever the entity', async () => {
      for (const partner of ['acme', 'globex'] as const) {
        const answers = [];
        for (const entity of [LEDGER, OCR, MISSING]) {
          answers.push(
            await as(server, partner).get(`/v1/entities/${entity}/scorecard`),
          );
          answers.push(
            await as(server, partner).get(
              `/v1/entities/${entity}/scorecard/history`,
            ),
          );
        }
        answers.push(await as(server, partner).get('/v1/checks'));
        expect(answers.map(a => a.status)).toEqual(answers.map(() => 403));
        const errors = answers.map(a => a.body.error);
        expect(new Set(errors.map(e => JSON.stringify(e))).size).toBe(1);
        expect(JSON.stringify(errors)).not.toMatch(/ledger|ocr|no-such/);
      }
    });

    it('answers callers without credentials with 401', async () => {
      const statuses = [
        (await as(server, 'anonymous').get(`/v1/entities/${LEDGER}/scorecard`))
          .status,
        (
          await as(server, 'anonymous').get(
            `/v1/entities/${LEDGER}/scorecard/history`,
          )
        ).status,
        (await as(server, 'anonymous').get('/v1/checks')).status,
      ];
      expect(statuses).toEqual([401, 401, 401]);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'scorecards checks on %s',
  databaseId => {
    let folder: string;

    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-checks-'));
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    const copy = (name: string) =>
      fs.copyFileSync(
        repositoryPath('scorecards', 'checks', name),
        path.join(folder, name),
      );

    it('leaves a broken check file out, names its file, field and line, and scores with the others', async () => {
      copy('owner-is-group.yaml');
      copy('runbook-link.yaml');
      fs.writeFileSync(
        path.join(folder, 'broken.yaml'),
        [
          'apiVersion: readiness.dev/v1',
          'kind: ScorecardCheck',
          'metadata:',
          '  id: broken',
          '  title: Broken',
          'spec:',
          '  category: ownership',
          '  level: bronze',
          '  weight: 1',
          '  why: A check on a fact nobody provides.',
          '  howToFix: { text: Nothing to fix., docs: scorecards/facts }',
          '  appliesTo: { kind: Component }',
          '  rule: { fact: catalog.no-such-fact, eq: true }',
          '',
        ].join('\n'),
      );
      const server = await startScorecardsBackend(
        await databases.init(databaseId),
        { scorecards: { checks: folder } },
      );
      const checks = await as(server, 'internal').get('/v1/checks');
      expect(checks.body.checks.map((c: { id: string }) => c.id)).toEqual([
        'owner-is-group',
        'runbook-link',
      ]);
      expect(checks.body.problems).toEqual([
        expect.objectContaining({
          file: expect.stringMatching(/broken\.yaml$/),
          path: expect.stringMatching(/fact$/),
          line: 13,
          message: expect.stringContaining('catalog.no-such-fact'),
        }),
      ]);
      const ledger = await as(server, 'internal').get(
        `/v1/entities/${LEDGER}/scorecard`,
      );
      expect(
        ledger.body.checks.map((c: { id: string; status: string }) => [
          c.id,
          c.status,
        ]),
      ).toEqual([
        ['owner-is-group', 'pass'],
        ['runbook-link', 'fail'],
      ]);
      expect(ledger.body).toMatchObject({
        level: 'bronze',
        nextLevel: { level: 'silver', blockedBy: ['runbook-link'] },
      });
    });

    it('does not serve a result computed with other checks: the stored facts are scored with the loaded ones', async () => {
      const knex = await databases.init(databaseId);
      await startScorecardsBackend(knex);
      copy('owner-is-group.yaml');
      const server = await startScorecardsBackend(knex, {
        scorecards: { checks: folder },
        recomputeAtStart: false,
      });
      const ledger = await as(server, 'internal').get(
        `/v1/entities/${LEDGER}/scorecard`,
      );
      expect(ledger.status).toBe(200);
      expect(ledger.body).toMatchObject({
        level: 'bronze',
        score: 100,
        nextLevel: null,
        checks: [{ id: 'owner-is-group', status: 'pass' }],
      });
    });
  },
);
