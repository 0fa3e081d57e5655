import { Server } from 'node:http';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import request from 'supertest';
import {
  CallerName,
  callers,
  repositoryComplianceConfig,
  startComplianceBackend,
} from '../__testUtils__/backend';

const databases = createStoreTestDatabases();

const LEDGER = 'component/default/ledger';
const OCR = 'component/default/ocr';
const MISSING = 'component/default/no-such-service';
const UNKNOWN_EVIDENCE = '00000000-0000-4000-8000-000000000000';

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
const later = (days: number) => new Date(Date.now() + days * day).toISOString();

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'compliance API on %s',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      server = await startComplianceBackend(
        await databases.init(databaseId),
        repositoryComplianceConfig({
          evidence: { maxBodyBytes: 64 * 1024, maxAttachmentBytes: 16 * 1024 },
        }),
      );
    });

    const as = (caller: CallerName) => ({
      get: (path: string) =>
        request(server)
          .get(`/api/compliance${path}`)
          .set('Authorization', callers[caller]),
      post: (path: string, body: unknown = {}) =>
        request(server)
          .post(`/api/compliance${path}`)
          .set('Authorization', callers[caller])
          .send(body as object),
    });

    const filing = (overrides: Record<string, unknown> = {}) => ({
      entityRef: 'component:default/ledger',
      controls: ['SOC2:CC8.1'],
      source: 'pipeline',
      title: 'Release 2026.12.0 passed change review',
      link: 'https://ci.example.com/ledger/runs/42',
      collectedAt: ago(1),
      result: 'satisfied',
      ...overrides,
    });

    const controlsOf = async (path: string) => {
      const res = await as('internal').get(`/v1/entities/${path}/controls`);
      expect(res.status).toBe(200);
      return res.body as {
        controls: Array<{ control: string; state: string; evidence?: any }>;
        coverage: Array<{ framework: string; covered: number; ratio: number }>;
      };
    };
    const stateOf = async (path: string, control: string) =>
      (await controlsOf(path)).controls.find(c => c.control === control);

    it('lists the controls that apply to an entity, missing until evidence comes', async () => {
      const record = await controlsOf(LEDGER);
      expect(record.controls.map(c => c.control)).toEqual(
        expect.arrayContaining(['SOC2:CC8.1', 'SOC2:PI1.1', 'ISO27001:8.32']),
      );
      expect(new Set(record.controls.map(c => c.state))).toEqual(
        new Set(['missing']),
      );
      expect(record.coverage.map(c => [c.framework, c.covered])).toEqual([
        ['ISO27001', 0],
        ['SOC2', 0],
      ]);
      // ocr declares ISO 8.13 not applicable, with its justification
      const ocr = await stateOf(OCR, 'ISO27001:8.13');
      expect(ocr).toMatchObject({
        state: 'not-applicable',
        justification: expect.stringContaining('OCR keeps no data of its own'),
      });
      expect(
        (await as('internal').get(`/v1/entities/${MISSING}/controls`)).status,
      ).toBe(404);
    });

    it('files evidence from a publish-only token once per idempotency key', async () => {
      const body = filing({ idempotencyKey: 'ledger-release-2026.12.0' });
      const first = await as('publisher').post('/v1/evidence', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        item: {
          entityRef: 'component:default/ledger',
          controls: ['SOC2:CC8.1'],
          source: 'pipeline',
          filedBy: 'service:compliance-publisher',
          idempotencyKey: 'ledger-release-2026.12.0',
        },
      });
      // CC8.1 is valid for 90 days
      expect(
        Date.parse(first.body.item.expiresAt) -
          Date.parse(first.body.item.collectedAt),
      ).toBe(90 * day);

      const retry = await as('publisher').post('/v1/evidence', body);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ created: false, item: first.body.item });
      const reused = await as('publisher').post('/v1/evidence', {
        ...body,
        title: 'Another review',
      });
      expect(reused.status).toBe(409);
      expect(reused.body.error.message).toMatch(/^idempotencyKey: /);

      expect(await stateOf(LEDGER, 'SOC2:CC8.1')).toMatchObject({
        state: 'fresh',
        evidence: { id: first.body.item.id },
      });
      const list = await as('internal').get(`/v1/entities/${LEDGER}/evidence`);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([
        first.body.item.id,
      ]);
    });

    it('lets evidence count across the mapping, and says through which control', async () => {
      // SOC2:A1.1 is equivalent to ISO27001:8.6
      const filed = await as('internal').post(
        '/v1/evidence',
        filing({
          controls: ['ISO27001:8.6'],
          source: 'manual',
          title: 'Capacity review, December',
          attachment: {
            name: 'capacity.csv',
            mediaType: 'text/csv',
            content: Buffer.from('service,headroom\nledger,0.4\n').toString(
              'base64',
            ),
          },
        }),
      );
      expect(filed.status).toBe(201);
      expect(filed.body.item).toMatchObject({
        filedBy: 'user:default/guest',
        attachment: {
          name: 'capacity.csv',
          mediaType: 'text/csv',
          sizeBytes: 28,
        },
      });
      expect(filed.body.item.attachment).not.toHaveProperty('content');
      expect(await stateOf(LEDGER, 'SOC2:A1.1')).toMatchObject({
        state: 'fresh',
        evidence: {
          id: filed.body.item.id,
          through: 'ISO27001:8.6',
          mapping: 'soc2-iso27001',
        },
      });
    });

    it('tells expiring, expired and failing evidence apart, and counts coverage', async () => {
      const file = async (controls: string[], extra: object) =>
        expect(
          (await as('ci').post('/v1/evidence', filing({ controls, ...extra })))
            .status,
        ).toBe(201);
      await file(['SOC2:PI1.1'], {
        collectedAt: ago(350),
        expiresAt: later(10),
      });
      await file(['SOC2:PI1.2'], { collectedAt: ago(400), expiresAt: ago(35) });
      await file(['SOC2:PI1.3'], { collectedAt: ago(30) });
      await file(['SOC2:PI1.3'], {
        collectedAt: ago(2),
        result: 'not-satisfied',
      });
      await file(['SOC2:PI1.4'], {
        collectedAt: ago(2),
        result: 'informational',
      });
      const record = await controlsOf(LEDGER);
      const state = (c: string) =>
        record.controls.find(x => x.control === c)?.state;
      expect(
        ['SOC2:PI1.1', 'SOC2:PI1.2', 'SOC2:PI1.3', 'SOC2:PI1.4'].map(state),
      ).toEqual(['expiring', 'expired', 'failing', 'missing']);
      const soc2 = record.coverage.find(c => c.framework === 'SOC2')!;
      // CC8.1 and A1.1 fresh, PI1.1 expiring
      expect(soc2.covered).toBe(3);
    });

    it('summarises an entity for its card: the coverage of the controls route and the newest item that counts', async () => {
      const before = await as('internal').get(`/v1/entities/${LEDGER}/summary`);
      expect(before.status).toBe(200);
      expect(before.body.coverage).toEqual((await controlsOf(LEDGER)).coverage);
      const newest = await as('internal').post(
        '/v1/evidence',
        filing({
          title: 'Newest change review of the ledger',
          collectedAt: later(0),
        }),
      );
      expect(newest.status).toBe(201);
      const after = await as('internal').get(`/v1/entities/${LEDGER}/summary`);
      expect(after.body.newestEvidence).toEqual({
        id: newest.body.item.id,
        title: 'Newest change review of the ledger',
        source: 'pipeline',
        collectedAt: newest.body.item.collectedAt,
        result: 'satisfied',
        link: 'https://ci.example.com/ledger/runs/42',
      });
      expect(after.body.coverage).toEqual((await controlsOf(LEDGER)).coverage);
      // A withdrawn item is not the newest that counts
      await as('internal').post(
        `/v1/evidence/${newest.body.item.id}/withdrawals`,
        { reason: 'Filed against the wrong release' },
      );
      const withdrawn = await as('internal').get(
        `/v1/entities/${LEDGER}/summary`,
      );
      expect(withdrawn.body.newestEvidence?.id).not.toBe(newest.body.item.id);
      for (const caller of ['acme', 'globex'] as const) {
        expect(
          (await as(caller).get(`/v1/entities/${LEDGER}/summary`)).status,
        ).toBe(403);
      }
      expect(
        (await as('anonymous').get(`/v1/entities/${LEDGER}/summary`)).status,
      ).toBe(401);
      expect(
        (
          await as('internal').get(
            '/v1/entities/component/default/nope/summary',
          )
        ).status,
      ).toBe(404);
    });

    it('withdraws evidence with a reason, once, and the item stays listed', async () => {
      const filed = await as('internal').post(
        '/v1/evidence',
        filing({ controls: ['SOC2:CC7.2'], title: 'Vulnerability scan' }),
      );
      expect((await stateOf(LEDGER, 'SOC2:CC7.2'))?.state).toBe('fresh');
      const path = `/v1/evidence/${filed.body.item.id}/withdrawals`;
      expect((await as('internal').post(path, { reason: 'n/a' })).status).toBe(
        400,
      );
      const withdrawn = await as('internal').post(path, {
        reason: 'The scan ran against the staging image, not production',
      });
      expect(withdrawn.status).toBe(201);
      expect(withdrawn.body.item.withdrawal).toMatchObject({
        withdrawnBy: 'user:default/guest',
        reason: 'The scan ran against the staging image, not production',
      });
      const again = await as('internal').post(path, {
        reason: 'Withdrawn a second time by mistake',
      });
      expect(again.status).toBe(200);
      expect(again.body.item.withdrawal).toEqual(
        withdrawn.body.item.withdrawal,
      );
      expect((await stateOf(LEDGER, 'SOC2:CC7.2'))?.state).toBe('missing');
      const list = await as('internal').get(
        `/v1/entities/${LEDGER}/evidence?limit=100`,
      );
      expect(
        list.body.items.find((i: { id: string }) => i.id === filed.body.item.id)
          .withdrawal.id,
      ).toBe(withdrawn.body.item.withdrawal.id);
      expect(
        (
          await as('internal').post(
            `/v1/evidence/${UNKNOWN_EVIDENCE}/withdrawals`,
            { reason: 'No such evidence at all' },
          )
        ).status,
      ).toBe(404);
    });

    it('pages an entity’s evidence newest first with cursors', async () => {
      const first = await as('internal').get(
        `/v1/entities/${LEDGER}/evidence?limit=2`,
      );
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await as('internal').get(
        `/v1/entities/${LEDGER}/evidence?limit=100&cursor=${first.body.nextCursor}`,
      );
      const all = [...first.body.items, ...rest.body.items];
      expect(all.length).toBeGreaterThanOrEqual(8);
      const times = all.map((i: { collectedAt: string }) => i.collectedAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(new Set(all.map((i: { id: string }) => i.id)).size).toBe(
        all.length,
      );
      const bad = await as('internal').get(
        `/v1/entities/${LEDGER}/evidence?cursor=nonsense`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^cursor: /);
    });

    it.each([
      [
        'an unknown control, saying where valid ids come from',
        { controls: ['SOC2:CC99.1'] },
        /^controls\/0: SOC2:CC99\.1 is not a control of SOC 2 .*compliance\/frameworks\/soc2\.yaml.*valid ids are the controls of the loaded frameworks/,
      ],
      [
        'an expiry before the collection',
        { collectedAt: ago(2), expiresAt: ago(3) },
        /^expiresAt: .* is not after collectedAt/,
      ],
      [
        'a javascript: link',
        { link: ['javascript', 'alert(1)'].join(':') },
        /^link: /,
      ],
      ['a relative link', { link: '/runs/42' }, /^link: /],
      ['an oversize title', { title: 'x'.repeat(201) }, /title/],
      [
        'an oversize attachment',
        {
          attachment: {
            name: 'big.txt',
            mediaType: 'text/plain',
            content: Buffer.alloc(20 * 1024, 'a').toString('base64'),
          },
        },
        /^attachment\/content: 20480 bytes, over the limit of 16384 bytes/,
      ],
      [
        'an attachment of a type not accepted',
        {
          attachment: {
            name: 'run.sh',
            mediaType: 'application/x-sh',
            content: Buffer.from('echo').toString('base64'),
          },
        },
        /^attachment\/mediaType: application\/x-sh is not accepted/,
      ],
      [
        'an unknown entity',
        { entityRef: 'component:default/no-such-service' },
        /^entityRef: no entity component:default\/no-such-service in the catalog/,
      ],
      [
        'evidence collected in the future',
        { collectedAt: later(2) },
        /^collectedAt: in the future/,
      ],
      ['an unknown field', { severity: 'high' }, /^severity: unknown field/],
      ['an unknown source', { source: 'rumour' }, /source/],
    ])(
      'refuses %s with a 400 naming the field',
      async (_what, change, message) => {
        const res = await as('internal').post('/v1/evidence', filing(change));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );

    it('answers a body over the limit with 413', async () => {
      const res = await as('publisher').post(
        '/v1/evidence',
        filing({ description: 'x'.repeat(70 * 1024) }),
      );
      expect(res.status).toBe(413);
    });

    it('refuses partners every route with one 403, whatever the entity', async () => {
      const filed = await as('internal').post(
        '/v1/evidence',
        filing({ controls: ['SOC2:CC6.1'] }),
      );
      for (const partner of ['acme', 'globex'] as const) {
        const answers = [];
        for (const entity of [LEDGER, OCR, MISSING]) {
          for (const route of ['controls', 'evidence']) {
            answers.push(
              await as(partner).get(`/v1/entities/${entity}/${route}`),
            );
          }
          answers.push(
            await as(partner).post(
              '/v1/evidence',
              filing({ entityRef: entity.replace('/', ':') }),
            ),
          );
        }
        for (const id of [filed.body.item.id, UNKNOWN_EVIDENCE]) {
          answers.push(
            await as(partner).post(`/v1/evidence/${id}/withdrawals`, {
              reason: 'A partner tries to withdraw this',
            }),
          );
        }
        expect(answers.map(a => a.status)).toEqual(answers.map(() => 403));
        const reads = answers.slice(0, 2).map(a => a.body.error);
        expect(reads[0]).toEqual(reads[1]);
        expect(answers[answers.length - 1].body.error).toEqual(
          answers[answers.length - 2].body.error,
        );
        expect(JSON.stringify(answers.map(a => a.body.error))).not.toMatch(
          /ocr|no-such-service/,
        );
      }
    });

    it('answers callers without credentials with 401', async () => {
      const statuses = [
        (await as('anonymous').get(`/v1/entities/${LEDGER}/controls`)).status,
        (await as('anonymous').get(`/v1/entities/${LEDGER}/evidence`)).status,
        (await as('anonymous').post('/v1/evidence', filing())).status,
        (
          await as('anonymous').post(
            `/v1/evidence/${UNKNOWN_EVIDENCE}/withdrawals`,
            { reason: 'Nobody may withdraw this' },
          )
        ).status,
      ];
      expect(statuses).toEqual([401, 401, 401, 401]);
    });

    it('lets service tokens do what their permissions say', async () => {
      // a token without restrictions reads and files
      expect(
        (await as('ci').get(`/v1/entities/${LEDGER}/controls`)).status,
      ).toBe(200);
      // the publish-only token files, and nothing else
      expect(
        (await as('publisher').get(`/v1/entities/${LEDGER}/controls`)).status,
      ).toBe(403);
      expect(
        (await as('publisher').get(`/v1/entities/${LEDGER}/evidence`)).status,
      ).toBe(403);
      expect(
        (
          await as('publisher').post(
            `/v1/evidence/${UNKNOWN_EVIDENCE}/withdrawals`,
            { reason: 'A pipeline tries to withdraw this' },
          )
        ).status,
      ).toBe(403);
      // a token for another plugin does nothing here
      expect(
        (await as('drPublisher').get(`/v1/entities/${LEDGER}/controls`)).status,
      ).toBe(403);
      expect(
        (await as('drPublisher').post('/v1/evidence', filing())).status,
      ).toBe(403);
    });
  },
);
