import { Server } from 'node:http';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import request from 'supertest';
import {
  CallerName,
  callers,
  startComplianceBackend,
} from '../__testUtils__/backend';
import { parseCsv, parseCsvObjects } from '../__testUtils__/csv';
import { oscalErrors } from '../__testUtils__/oscal';
import { entityUuid } from './oscal';

const databases = createStoreTestDatabases();

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

const LEDGER = 'component:default/ledger';
const OCR = 'component:default/ocr';
const PLATFORM = 'system:default/filing-platform';
/** A title with everything CSV must quote, starting like a formula. */
const TRICKY_TITLE = '=HYPERLINK("http://evil.example","open"), then\nmore';

type Json = any;

/** The body of a response read as text, whatever its content type. */
function text(res: request.Response): string {
  return res.body as string;
}

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'the compliance exports on %s',
  databaseId => {
    let server: Server;
    const filed: Record<string, string> = {};

    const get = (path: string, caller: CallerName = 'internal') =>
      request(server)
        .get(`/api/compliance${path}`)
        .set('Authorization', callers[caller])
        .buffer(true)
        .parse((res, done) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', chunk => {
            body += chunk;
          });
          res.on('end', () => done(null, body));
        });
    const json = async (path: string) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="[A-Za-z0-9._-]+\.json"$/,
      );
      return JSON.parse(text(res));
    };
    const post = (path: string, body: object) =>
      request(server)
        .post(`/api/compliance${path}`)
        .set('Authorization', callers.internal)
        .send(body);

    beforeAll(async () => {
      server = await startComplianceBackend(await databases.init(databaseId));
      const file = async (key: string, body: object) => {
        const res = await post('/v1/evidence', body);
        if (res.status !== 201) {
          throw new Error(`filing ${key} answered ${res.status}`);
        }
        filed[key] = res.body.item.id;
      };
      await file('review', {
        entityRef: LEDGER,
        controls: ['SOC2:CC8.1', 'SOC2:A1.1'],
        source: 'pipeline',
        title: TRICKY_TITLE,
        description: 'Reviewed by "two" people, in one pass',
        link: 'https://ci.example.com/runs/1?x=1&y=2',
        collectedAt: ago(2),
        result: 'satisfied',
      });
      await file('withdrawn', {
        entityRef: LEDGER,
        controls: ['SOC2:CC7.2'],
        source: 'manual',
        title: 'Monitoring walkthrough',
        collectedAt: ago(3),
        result: 'satisfied',
      });
      await file('failure', {
        entityRef: OCR,
        controls: ['SOC2:CC8.1'],
        source: 'gate',
        title: '@release gate failed',
        collectedAt: ago(1),
        result: 'not-satisfied',
      });
      const withdrawn = await post(
        `/v1/evidence/${filed.withdrawn}/withdrawals`,
        { reason: 'Filed for the wrong system, "ledger", by mistake' },
      );
      if (withdrawn.status !== 201) {
        throw new Error(`withdrawal answered ${withdrawn.status}`);
      }
    });

    it('exports OSCAL assessment results of the whole portal that the official schema accepts', async () => {
      const document = await json(
        '/v1/exports/assessment-results?framework=SOC2',
      );
      expect(oscalErrors('assessment-results', document)).toEqual([]);
      const ar = document['assessment-results'];
      // The schema is strict where the export takes care: a control id that
      // is no token (ISO 27001's 8.6) or an empty array is refused
      const broken = structuredClone(document);
      broken['assessment-results'].results[0].findings[0].target['target-id'] =
        '8.6';
      broken['assessment-results'].results[0].observations = [];
      expect(oscalErrors('assessment-results', broken)).toEqual([
        expect.stringMatching(/observations/),
        expect.stringMatching(/target-id/),
      ]);
      expect(ar.metadata['oscal-version']).toBe('1.2.1');
      expect(ar['import-ap'].href).toMatch(/^#/);
      const planRef = ar['import-ap'].href.slice(1);
      expect(ar['back-matter'].resources.map((r: Json) => r.uuid)).toContain(
        planRef,
      );

      const [result] = ar.results;
      const observations = new Map<string, Json>(
        result.observations.map((o: Json) => [o.uuid, o]),
      );
      // One observation per item that counts; the withdrawn one left out
      expect(observations.has(filed.review)).toBe(true);
      expect(observations.has(filed.failure)).toBe(true);
      expect(observations.has(filed.withdrawn)).toBe(false);
      const review = observations.get(filed.review);
      expect(review).toMatchObject({
        title: TRICKY_TITLE.replace('\n', ' '),
        methods: ['TEST'],
        subjects: [{ 'subject-uuid': entityUuid(LEDGER), type: 'component' }],
        'relevant-evidence': [
          { href: 'https://ci.example.com/runs/1?x=1&y=2' },
        ],
      });
      expect(Date.parse(review.collected)).toBeLessThan(
        Date.parse(review.expires),
      );

      const findingOf = (entity: string, control: string) =>
        result.findings.find(
          (f: Json) =>
            f.props.some(
              (p: Json) => p.name === 'entity-ref' && p.value === entity,
            ) &&
            f.props.some(
              (p: Json) => p.name === 'control' && p.value === control,
            ),
        );
      expect(findingOf(LEDGER, 'SOC2:CC8.1')).toMatchObject({
        target: {
          type: 'objective-id',
          'target-id': 'CC8.1',
          status: { state: 'satisfied', reason: 'pass' },
        },
        'related-observations': [{ 'observation-uuid': filed.review }],
      });
      expect(findingOf(OCR, 'SOC2:CC8.1')).toMatchObject({
        target: { status: { state: 'not-satisfied', reason: 'fail' } },
        'related-observations': [{ 'observation-uuid': filed.failure }],
      });
      // A control without evidence is not satisfied and rests on nothing
      const missing = findingOf(LEDGER, 'SOC2:CC7.2');
      expect(missing.target.status.state).toBe('not-satisfied');
      expect(missing['related-observations']).toBeUndefined();
      // Every finding rests on an observation of the document
      for (const finding of result.findings) {
        for (const r of finding['related-observations'] ?? []) {
          expect(observations.has(r['observation-uuid'])).toBe(true);
        }
      }
      // The same entity and control is the same finding in every export
      const again = await json('/v1/exports/assessment-results?framework=soc2');
      expect(
        again['assessment-results'].results[0].findings.map(
          (f: Json) => f.uuid,
        ),
      ).toEqual(result.findings.map((f: Json) => f.uuid));
    });

    it('exports the results of one system, through mappings, with declared exceptions', async () => {
      const document = await json(
        `/v1/exports/assessment-results?framework=ISO27001&system=${encodeURIComponent(
          PLATFORM,
        )}`,
      );
      expect(oscalErrors('assessment-results', document)).toEqual([]);
      const [result] = document['assessment-results'].results;
      const entities = new Set<string>(
        result.findings.map(
          (f: Json) => f.props.find((p: Json) => p.name === 'entity-ref').value,
        ),
      );
      // The system's entities, as the matrix has them, and no others
      const row = await request(server)
        .get(
          `/api/compliance/v1/matrix/entities?framework=ISO27001&group=${encodeURIComponent(
            PLATFORM,
          )}`,
        )
        .set('Authorization', callers.internal);
      expect([...entities].sort()).toEqual(
        row.body.entities.map((e: Json) => e.entityRef).sort(),
      );
      expect(entities.has(LEDGER)).toBe(true);
      expect(entities.has(PLATFORM)).toBe(true);
      // SOC2:A1.1 evidence counts for ISO27001:8.6 through the mapping
      expect(result.observations.map((o: Json) => o.uuid)).toContain(
        filed.review,
      );
      const declared = result.findings.find(
        (f: Json) =>
          f.props.some((p: Json) => p.value === OCR) &&
          f.props.some((p: Json) => p.value === 'ISO27001:8.13'),
      );
      expect(declared.target).toMatchObject({
        'target-id': '_8.13',
        status: { state: 'satisfied', reason: 'other' },
        'implementation-status': { state: 'not-applicable' },
      });
      expect(declared.target.status.remarks).toMatch(/OCR keeps no data/);
    });

    it('exports a component definition of a System that the official schema accepts', async () => {
      const document = await json(
        '/v1/exports/component-definitions/default/filing-platform',
      );
      expect(oscalErrors('component', document)).toEqual([]);
      const definition = document['component-definition'];
      const ocr = definition.components.find(
        (c: Json) => c.uuid === entityUuid(OCR),
      );
      expect(ocr).toMatchObject({ type: 'service', title: 'OCR' });
      const sources = definition['back-matter'].resources.map(
        (r: Json) => `#${r.uuid}`,
      );
      const iso = ocr['control-implementations'].find((i: Json) =>
        i['implemented-requirements'].some(
          (r: Json) => r['control-id'] === '_8.13',
        ),
      );
      expect(sources).toContain(iso.source);
      const exception = iso['implemented-requirements'].find(
        (r: Json) => r['control-id'] === '_8.13',
      );
      expect(exception.remarks).toMatch(/OCR keeps no data/);
      expect(exception.props).toContainEqual(
        expect.objectContaining({ name: 'state', value: 'not-applicable' }),
      );
      const soc2 = ocr['control-implementations'].find((i: Json) =>
        i['implemented-requirements'].some(
          (r: Json) => r['control-id'] === 'CC8.1',
        ),
      );
      expect(
        soc2['implemented-requirements'].find(
          (r: Json) => r['control-id'] === 'CC8.1',
        ).props,
      ).toContainEqual(
        expect.objectContaining({ name: 'state', value: 'failing' }),
      );
    });

    it('exports every evidence item as CSV, withdrawn ones with their reason, formulas defused', async () => {
      const res = await get('/v1/exports/evidence.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="evidence-all-portal.csv"',
      );
      const records = parseCsvObjects(text(res));
      const byId = new Map(records.map(r => [r.evidence_id, r]));
      expect(byId.get(filed.review)).toMatchObject({
        entity_ref: LEDGER,
        controls: 'SOC2:A1.1 SOC2:CC8.1',
        title: `'${TRICKY_TITLE}`,
        description: 'Reviewed by "two" people, in one pass',
        link: 'https://ci.example.com/runs/1?x=1&y=2',
        result: 'satisfied',
        withdrawal_reason: '',
      });
      expect(byId.get(filed.failure)!.title).toBe("'@release gate failed");
      expect(byId.get(filed.withdrawn)).toMatchObject({
        withdrawal_reason: 'Filed for the wrong system, "ledger", by mistake',
        withdrawn_by: expect.stringMatching(/^user:/),
      });
      expect(Date.parse(byId.get(filed.withdrawn)!.withdrawn_at)).not.toBeNaN();

      // One system, one framework: ISO27001 counts the SOC2:A1.1 item
      // through the mapping, not the OCR gate failure filed for CC8.1 only
      const iso = parseCsvObjects(
        text(
          await get(
            `/v1/exports/evidence.csv?framework=ISO27001&system=${encodeURIComponent(
              PLATFORM,
            )}`,
          ),
        ),
      ).map(r => r.evidence_id);
      expect(iso).toContain(filed.review);
      expect(iso).not.toContain(filed.failure);
    });

    it('exports the matrix as CSV: one record per entity with the state of each control', async () => {
      const res = await get(
        '/v1/exports/matrix.csv?framework=SOC2&groupBy=system',
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="matrix-SOC2-system.csv"',
      );
      const [header] = parseCsv(text(res));
      expect(header.slice(0, 7)).toEqual([
        'system',
        'system_title',
        'entity_ref',
        'entity_kind',
        'entity_title',
        'applicable',
        'covered',
      ]);
      const records = parseCsvObjects(text(res));
      const ledger = records.find(r => r.entity_ref === LEDGER)!;
      expect(ledger).toMatchObject({
        system: PLATFORM,
        system_title: 'filing-platform',
        'SOC2:CC8.1': 'fresh',
        'SOC2:CC7.2': 'missing',
      });
      expect(Number(ledger.covered)).toBeGreaterThanOrEqual(2);
      const ocr = records.find(r => r.entity_ref === OCR)!;
      expect(ocr['SOC2:CC8.1']).toBe('failing');

      // The same entities as the matrix, and its columns
      const matrix = await request(server)
        .get('/api/compliance/v1/matrix?framework=SOC2&groupBy=system')
        .set('Authorization', callers.internal);
      expect(records).toHaveLength(matrix.body.totals.entities);
      expect(header.slice(7)).toEqual(
        matrix.body.controls.map((c: Json) => c.control),
      );
    });

    it('names what is wrong in a query, and a system that does not exist is not found', async () => {
      const cases: Array<[string, number, RegExp]> = [
        ['/v1/exports/assessment-results', 400, /framework/],
        [
          '/v1/exports/assessment-results?framework=PCI9',
          400,
          /framework: expected one of ISO27001, SOC2/,
        ],
        [
          '/v1/exports/assessment-results?framework=SOC2&system=component%3Adefault%2Fledger',
          400,
          /system: component:default\/ledger is not a System/,
        ],
        [
          '/v1/exports/assessment-results?framework=SOC2&system=nowhere',
          404,
          /^No entity system:default\/nowhere$/,
        ],
        [
          '/v1/exports/component-definitions/default/nowhere',
          404,
          /^No entity system:default\/nowhere$/,
        ],
        [
          '/v1/exports/evidence.csv?system=nowhere',
          404,
          /^No entity system:default\/nowhere$/,
        ],
        ['/v1/exports/matrix.csv?groupBy=domain', 400, /groupBy/],
      ];
      for (const [path, status, message] of cases) {
        const res = await get(path);
        expect([path, res.status]).toEqual([path, status]);
        expect(JSON.parse(text(res)).error.message).toMatch(message);
      }
    });

    it('refuses partners and tokens without the read permission, and asks anonymous callers to sign in', async () => {
      for (const path of [
        '/v1/exports/assessment-results?framework=SOC2',
        '/v1/exports/component-definitions/default/filing-platform',
        '/v1/exports/evidence.csv',
        '/v1/exports/matrix.csv?framework=SOC2',
      ]) {
        for (const caller of [
          'acme',
          'globex',
          'publisher',
          'drPublisher',
        ] as const) {
          const res = await get(path, caller);
          expect([path, caller, res.status]).toEqual([path, caller, 403]);
          expect(JSON.parse(text(res)).error).toEqual({
            name: 'NotAllowedError',
            message: 'You may not read compliance records',
          });
        }
        expect((await get(path, 'anonymous')).status).toBe(401);
        expect((await get(path, 'ci')).status).toBe(200);
      }
    });
  },
);
