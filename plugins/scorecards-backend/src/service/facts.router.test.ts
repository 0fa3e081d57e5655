/*
 * POST /v1/facts: pipelines push the facts only they know, checked against
 * the declarations of scorecards/facts, and the entity is scored again at
 * once. Tested for every kind of caller, on SQLite and PostgreSQL.
 */
import { Server } from 'node:http';
import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  CallerName,
  callers,
  repositoryScorecardsConfig,
  startScorecardsBackend,
  TestReliabilityFacts,
} from '../__testUtils__/backend';

const databases = createStoreTestDatabases();

const LEDGER = 'component:default/ledger';
const OCR = 'component:default/ocr';
const MISSING = 'component:default/no-such-service';
const MAX_BODY_BYTES = 8 * 1024;

jest.setTimeout(60_000);

type Check = { id: string; status: string; reason: string };

describe.each(databases.eachSupportedId())(
  'POST /v1/facts on %s',
  databaseId => {
    let server: Server;
    let knex: Knex;
    const auditor = mockServices.auditor.mock();
    const reliability = new TestReliabilityFacts();
    let key = 0;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      reliability.values.set(LEDGER, {
        'reliability.slos-declared': 2,
        'reliability.slos-met': true,
      });
      server = await startScorecardsBackend(knex, {
        reliability,
        scorecards: repositoryScorecardsConfig({
          maxBodyBytes: MAX_BODY_BYTES,
        }),
        features: [auditor.factory],
      });
    });

    beforeEach(() => jest.clearAllMocks());

    const post = (body: unknown, caller: CallerName = 'pusher') =>
      request(server)
        .post('/api/scorecards/v1/facts')
        .set('Authorization', callers[caller])
        .send(body as object);

    /** A push of the ledger's line coverage under a fresh key. */
    const push = (fields: Record<string, unknown> = {}) => ({
      idempotencyKey: `ci-run-${databaseId}-${++key}`,
      entityRef: LEDGER,
      facts: { 'ci.coverage.line': 81.5 },
      ...fields,
    });

    const checkOf = async (entity: string, checkId: string) => {
      const res = await request(server)
        .get(`/api/scorecards/v1/entities/${entity}/scorecard`)
        .set('Authorization', callers.internal);
      expect(res.status).toBe(200);
      return (res.body.checks as Check[]).find(c => c.id === checkId);
    };

    const pushes = async () =>
      Number(
        (await knex('scorecards_fact_pushes').count({ n: '*' }))[0].n ?? 0,
      );

    const historyOf = (entityRef: string, factId: string) =>
      knex('scorecards_fact_history')
        .where({ entity_ref: entityRef, fact_id: factId })
        .orderBy('valid_from')
        .select('value');

    it('stores the facts, scores the entity again at once and answers its new level and score', async () => {
      expect(
        (await checkOf('component/default/ledger', 'line-coverage'))?.status,
      ).toBe('unknown');
      const body = push({
        facts: {
          'ci.coverage.line': 81.5,
          'ci.sbom-published': true,
          'ci.container-scan.critical': 0,
          'ci.provenance.slsa-build-level': 'build-l2',
        },
        observedAt: '2026-12-01T10:00:00+01:00',
      });
      const res = await post(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        created: true,
        push: {
          idempotencyKey: body.idempotencyKey,
          entityRef: LEDGER,
          facts: {
            'ci.container-scan.critical': 0,
            'ci.coverage.line': 81.5,
            'ci.provenance.slsa-build-level': 'build-l2',
            'ci.sbom-published': true,
          },
          observedAt: '2026-12-01T09:00:00.000Z',
          pushedBy: 'local-scorecards-publisher',
          pushedAt: expect.any(String),
        },
        scorecard: expect.objectContaining({
          score: expect.any(Number),
          computedAt: expect.any(String),
        }),
      });
      expect(Object.keys(res.body.scorecard).sort()).toEqual([
        'computedAt',
        'level',
        'nextLevel',
        'score',
      ]);
      expect(Date.parse(res.body.scorecard.computedAt)).toBeGreaterThanOrEqual(
        Date.parse(res.body.push.pushedAt),
      );

      const coverage = await checkOf(
        'component/default/ledger',
        'line-coverage',
      );
      expect(coverage).toMatchObject({ status: 'pass' });
      expect(coverage?.reason).toContain('ci.coverage.line');
      expect(
        (
          await checkOf(
            'component/default/ledger',
            'no-critical-container-findings',
          )
        )?.status,
      ).toBe('pass');
      const card = await request(server)
        .get(`/api/scorecards/v1/entities/component/default/ledger/scorecard`)
        .set('Authorization', callers.internal);
      expect(card.body).toMatchObject({
        level: res.body.scorecard.level,
        score: res.body.scorecard.score,
        computedAt: res.body.scorecard.computedAt,
      });

      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'facts-push',
          severityLevel: 'medium',
          meta: {
            entityRef: LEDGER,
            idempotencyKey: body.idempotencyKey,
            facts: Object.keys(body.facts),
          },
        }),
      );
      const event = await auditor.createEvent.mock.results.at(-1)!.value;
      expect(event.success).toHaveBeenCalledWith({
        meta: {
          created: true,
          entityRef: LEDGER,
          level: res.body.scorecard.level,
          score: res.body.scorecard.score,
        },
      });
    });

    it('answers a retry with the stored push and writes nothing; the same key for other facts is a 409', async () => {
      const body = push({ facts: { 'ci.mutation-score': 64 } });
      const first = await post(body);
      expect(first.status).toBe(201);
      const stored = await pushes();

      const again = await post(body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, created: false });
      expect(await pushes()).toBe(stored);
      expect(await historyOf(LEDGER, 'ci.mutation-score')).toHaveLength(1);

      // the same push in other words is the same push
      const reworded = await post({
        ...body,
        entityRef: 'Component:default/Ledger',
      });
      expect(reworded.status).toBe(200);

      const reused = await post({
        ...body,
        facts: { 'ci.mutation-score': 70 },
      });
      expect(reused.status).toBe(409);
      expect(reused.body.error.name).toBe('ConflictError');
      expect(reused.body.error.message).toMatch(
        new RegExp(
          `^idempotencyKey: ${body.idempotencyKey} was already used for other facts`,
        ),
      );
      const observedLater = await post({
        ...body,
        observedAt: '2026-12-01T10:00:00Z',
      });
      expect(observedLater.status).toBe(409);
      expect(await pushes()).toBe(stored);
      expect(await historyOf(LEDGER, 'ci.mutation-score')).toEqual([
        { value: '64' },
      ]);
    });

    it('keeps what was true when: each new value in the history, and the check follows the newest', async () => {
      const at = (day: number) => `2026-11-0${day}T08:00:00Z`;
      for (const [day, coverage] of [
        [1, 40],
        [2, 40],
        [3, 75],
      ] as const) {
        expect(
          (
            await post(
              push({
                entityRef: OCR,
                facts: { 'ci.coverage.line': coverage },
                observedAt: at(day),
              }),
            )
          ).status,
        ).toBe(201);
      }
      expect(await historyOf(OCR, 'ci.coverage.line')).toEqual([
        { value: '40' },
        { value: '75' },
      ]);
      expect(
        (await checkOf('component/default/ocr', 'line-coverage'))?.status,
      ).toBe('pass');
      // an observation older than the newest known changes nothing
      expect(
        (
          await post(
            push({
              entityRef: OCR,
              facts: { 'ci.coverage.line': 10 },
              observedAt: at(2),
            }),
          )
        ).status,
      ).toBe(201);
      expect(
        (await checkOf('component/default/ocr', 'line-coverage'))?.status,
      ).toBe('pass');
    });

    it("keeps pushed facts when a provider's facts of the entity are computed again", async () => {
      expect(
        (
          await post(
            push({
              entityRef: OCR,
              facts: { 'ci.container-scan.critical': 2 },
            }),
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await checkOf(
            'component/default/ocr',
            'no-critical-container-findings',
          )
        )?.status,
      ).toBe('fail');
      reliability.values.set(OCR, { 'reliability.slos-declared': 1 });
      const batches = reliability.batches;
      reliability.changed([OCR]);
      for (let i = 0; i < 100 && reliability.batches === batches; i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(reliability.batches).toBeGreaterThan(batches);
      const after = await knex('scorecards_facts_current')
        .where({ entity_ref: OCR })
        .whereNotNull('value')
        .pluck('fact_id');
      expect(after).toEqual(
        expect.arrayContaining([
          'ci.container-scan.critical',
          'ci.coverage.line',
          'reliability.slos-declared',
        ]),
      );
      expect(
        (
          await checkOf(
            'component/default/ocr',
            'no-critical-container-findings',
          )
        )?.status,
      ).toBe('fail');
    });

    it.each([
      // the shape the OpenAPI document gives is checked by the validating router
      [
        'a body that is not an object',
        [1, 2],
        /^request\/body must be object$/,
      ],
      [
        'an unknown field',
        push({ source: 'jenkins' }),
        /^source: unknown field; expected idempotencyKey, entityRef, facts, observedAt$/,
      ],
      [
        'a missing idempotency key',
        push({ idempotencyKey: undefined }),
        /^request\/body must have required property 'idempotencyKey'$/,
      ],
      [
        'an idempotency key with spaces',
        push({ idempotencyKey: 'run 41' }),
        /^idempotencyKey: required, 1 to 200 letters/,
      ],
      ['a missing entity ref', push({ entityRef: undefined }), /entityRef/],
      [
        'an entity ref that is not one',
        push({ entityRef: 'ledger' }),
        /^entityRef: "ledger" is not an entity ref/,
      ],
      ['no facts', push({ facts: {} }), /^facts: names no fact/],
      [
        'facts as a list',
        push({ facts: [81.5] }),
        /^request\/body\/facts must be object$/,
      ],
      [
        'too many facts',
        push({
          facts: Object.fromEntries(
            Array.from({ length: 51 }, (_, i) => [`ci.fact-${i}`, 1]),
          ),
        }),
        /^facts: 51 facts, over the limit of 50 per push$/,
      ],
      [
        'a mistyped fact',
        push({ facts: { 'ci.coverage.lines': 81.5 } }),
        /^facts\/ci\.coverage\.lines: not a fact CI may push; did you mean ci\.coverage\.line\?/,
      ],
      [
        'a fact the portal computes',
        push({ facts: { 'reliability.slos-met': true } }),
        /^facts\/reliability\.slos-met: computed by the portal \(reliability\), not pushed/,
      ],
      [
        'a number as text',
        push({ facts: { 'ci.coverage.line': '81.5' } }),
        /^facts\/ci\.coverage\.line: expected a number from 0 to 100 \(percent\), got "81\.5"$/,
      ],
      [
        'a number out of bounds',
        push({ facts: { 'ci.coverage.line': 120 } }),
        /^facts\/ci\.coverage\.line: expected a number from 0 to 100 \(percent\), got 120$/,
      ],
      [
        'a fraction of a count',
        push({ facts: { 'ci.container-scan.critical': 1.5 } }),
        /^facts\/ci\.container-scan\.critical: expected a whole number of at least 0 \(findings\), got 1\.5$/,
      ],
      [
        'a boolean as text',
        push({ facts: { 'ci.sbom-published': 'yes' } }),
        /^facts\/ci\.sbom-published: expected true or false, got "yes"$/,
      ],
      [
        'a value that is not listed',
        push({ facts: { 'ci.provenance.slsa-build-level': 'build-l4' } }),
        /^facts\/ci\.provenance\.slsa-build-level: expected one of build-l0, build-l1, build-l2, build-l3, got "build-l4"$/,
      ],
      [
        'an observation time without a zone',
        push({ observedAt: '2026-12-01T10:00:00' }),
        /^observedAt: expected an ISO 8601 date-time with a time zone/,
      ],
      [
        'an observation time that is a day',
        push({ observedAt: '2026-12-01' }),
        /^observedAt: expected an ISO 8601 date-time/,
      ],
      [
        'an observation in the future',
        push({ observedAt: new Date(Date.now() + 3_600_000).toISOString() }),
        /^observedAt: in the future/,
      ],
    ])(
      'refuses %s with a 400 naming the field, storing nothing',
      async (_what, body, message) => {
        const before = await pushes();
        const res = await post(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(await pushes()).toBe(before);
      },
    );

    it('answers an entity the catalog does not hold with 404, in the words of the scorecard routes', async () => {
      const res = await post(push({ entityRef: MISSING }));
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({
        name: 'NotFoundError',
        message: `No entity ${MISSING}`,
      });
      const read = await request(server)
        .get(
          '/api/scorecards/v1/entities/component/default/no-such-service/scorecard',
        )
        .set('Authorization', callers.internal);
      expect(read.body.error.message).toBe(res.body.error.message);
    });

    it('answers a body over the limit with 413, to a token that may push', async () => {
      const big = push({ source: 'x'.repeat(MAX_BODY_BYTES) });
      expect((await post(big)).status).toBe(413);
      // a caller who may not push is refused before the body is read
      expect((await post(big, 'internal')).status).toBe(403);
      expect((await post(big, 'anonymous')).status).toBe(401);
    });

    it('refuses people, internal ones too, partners alike for every entity, and callers without credentials', async () => {
      const before = await pushes();
      const internal = await post(push(), 'internal');
      expect(internal.status).toBe(403);
      const answers = [];
      for (const partner of ['acme', 'globex'] as const) {
        for (const entityRef of [LEDGER, OCR, MISSING]) {
          answers.push(await post(push({ entityRef }), partner));
        }
      }
      expect(answers.map(a => a.status)).toEqual(answers.map(() => 403));
      expect(new Set(answers.map(a => JSON.stringify(a.body.error))).size).toBe(
        1,
      );
      expect(JSON.stringify(answers[0].body)).not.toMatch(
        /ocr|no-such-service/,
      );
      expect((await post(push(), 'anonymous')).status).toBe(401);
      expect(await pushes()).toBe(before);
      // refusals are audited as failed pushes
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'facts-push' }),
      );
    });

    it('lets a service token push only the facts whose declaration names its subject', async () => {
      const before = await pushes();
      for (const caller of ['ci', 'strangerPusher'] as const) {
        const res = await post(push(), caller);
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(
          /^facts\/ci\.coverage\.line: .+ may not push this fact; its declaration's pushedBy does not name it$/,
        );
      }
      // a token made for another permission is refused outright, one made
      // for another plugin is not taken at all
      const publisher = await post(push(), 'publisher');
      expect(publisher.status).toBe(403);
      expect(publisher.body.error.message).toBe(
        'You may not push scorecard facts',
      );
      expect((await post(push(), 'otherPlugin')).status).toBe(401);
      expect(await pushes()).toBe(before);
    });

    it('lists the pushed facts as facts checks may use, and the problems of no fact file', async () => {
      const res = await request(server)
        .get('/api/scorecards/v1/checks')
        .set('Authorization', callers.internal);
      expect(res.body.problems).toEqual([]);
      expect(res.body.checks.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([
          'line-coverage',
          'no-critical-container-findings',
        ]),
      );
    });
  },
);
