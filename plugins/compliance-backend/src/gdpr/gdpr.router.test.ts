import fs from 'node:fs';
import { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
  restrictedServicesHttpAuthFactory,
} from '@readiness/backend-test-utils';
import { repositoryPath } from '@readiness/test-corpus';
import request from 'supertest';
import {
  CallerName,
  callers,
  repositoryComplianceConfig,
  sampleEntities,
} from '../__testUtils__/backend';
import { compliancePlugin } from '../plugin';

const databases = createStoreTestDatabases();

const LEDGER = 'component:default/ledger';
const ASSISTANT = 'component:default/assistant';
const BROKEN = 'component:default/broken-records';
const OUTSIDE = 'component:default/outside-records';

/** The relations the catalog derives from an entity's spec. */
function withRelations(entity: Entity): Entity {
  const own = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const refs = (value: unknown, defaultKind: string) =>
    (Array.isArray(value) ? value : []).map(target =>
      stringifyEntityRef(
        parseEntityRef(String(target), {
          defaultKind,
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US'),
    );
  return {
    ...entity,
    relations: [
      ...refs(entity.spec?.dependsOn, 'component').map(targetRef => ({
        type: 'dependsOn',
        targetRef,
      })),
      ...refs(entity.spec?.providesApis, 'api').map(targetRef => ({
        type: 'providesApi',
        targetRef,
      })),
      ...refs(entity.spec?.consumesApis, 'api').map(targetRef => ({
        type: 'consumesApi',
        targetRef,
      })),
    ].filter(relation => relation.targetRef !== own),
  };
}

/** The sample catalog as the catalog holds it: read from its files, with relations. */
function catalogEntities(fixtures: string): Entity[] {
  const located = sampleEntities().map(entity => {
    const service = entity.metadata.annotations?.['readiness.dev/gdpr']
      ? entity.metadata.name
      : undefined;
    if (!service) return withRelations(entity);
    return withRelations({
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          'backstage.io/managed-by-location': `file:${repositoryPath(
            'services',
            service,
            'catalog-info.yaml',
          )}`,
        },
      },
    });
  });
  const fixture = (name: string, annotation: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'readiness.dev/gdpr': annotation,
        'backstage.io/managed-by-location': `file:${path.join(
          fixtures,
          name,
          'catalog-info.yaml',
        )}`,
      },
    },
    spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
  });
  return [
    ...located,
    fixture('broken-records', './gdpr.yaml'),
    fixture('outside-records', '../secrets.yaml'),
  ];
}

/** A catalog folder with a broken record and one that points out of its folder. */
function writeFixtures(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdpr-records-'));
  for (const name of ['broken-records', 'outside-records']) {
    fs.mkdirSync(path.join(root, name));
    fs.writeFileSync(path.join(root, name, 'catalog-info.yaml'), '');
  }
  fs.writeFileSync(path.join(root, 'secrets.yaml'), 'kept: out of reach\n');
  fs.writeFileSync(
    path.join(root, 'broken-records', 'gdpr.yaml'),
    [
      'apiVersion: readiness.dev/v1',
      'kind: ProcessingRecord',
      'spec:',
      '  role: controller',
      '  activities:',
      '    - id: formulas',
      '      purposes: [\'=HYPERLINK("http://evil"), "quoted"\']',
      '      lawfulBasis: consent',
      '      dataSubjects: [users]',
      '      categories: [names]',
      '    - id: unbased',
      '      purposes: [x]',
      '      lawfulBasis: whim',
      '      dataSubjects: [users]',
      '      categories: [names]',
      '  transfers:',
      '    - { to: Support desk, country: IN }',
    ].join('\n'),
  );
  return root;
}

type Flow = {
  from: string;
  to: string;
  source: string;
  relation?: string;
  api?: string;
  categories?: string[];
};

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'the GDPR routes on %s',
  databaseId => {
    let server: Server;
    const fixtures = writeFixtures();

    beforeAll(async () => {
      ({ server } = await startTestBackend({
        features: [
          compliancePlugin,
          catalogServiceMock.factory({ entities: catalogEntities(fixtures) }),
          audiencePermissionsServiceFactory(),
          restrictedServicesHttpAuthFactory({
            'compliance-publisher': ['compliance.evidence.file'],
            'dr-publisher': ['reliability.drill.publish'],
          }),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: { compliance: repositoryComplianceConfig() },
          }),
        ],
      }));
    });

    afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

    const get = (route: string, caller: CallerName = 'internal') =>
      request(server)
        .get(`/api/compliance${route}`)
        .set('Authorization', callers[caller]);
    const gdprOf = (ref: string, caller: CallerName = 'internal') => {
      const { kind, namespace, name } = parseEntityRef(ref);
      return get(`/v1/entities/${kind}/${namespace}/${name}/gdpr`, caller);
    };

    it('answers the ledger’s record with its findings and its flows in and out', async () => {
      const res = await gdprOf(LEDGER);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: LEDGER,
        title: 'Ledger',
        file: './gdpr.yaml',
        problems: [],
        record: {
          role: 'processor',
          activities: [
            {
              id: 'keep-books',
              lawfulBasis: 'legal-obligation',
              retention: { maximum: { years: 11 } },
            },
          ],
        },
      });
      expect(res.body.findings).toEqual([
        {
          kind: 'retention-beyond-maximum',
          subject: 'keep-books',
          message:
            'keep-books: kept up to 11 years, beyond the maximum of 10 years (compliance.gdpr.maxRetention)',
        },
        expect.objectContaining({
          kind: 'processor-without-dpa',
          subject: 'Cloud infrastructure provider (EU regions)',
        }),
      ]);
      const out: Flow[] = res.body.flows.out;
      const into: Flow[] = res.body.flows.in;
      expect(out).toEqual(
        expect.arrayContaining([
          {
            from: LEDGER,
            to: 'resource:default/filing-db',
            source: 'catalog',
            relation: 'dependsOn',
          },
          {
            from: LEDGER,
            to: 'component:default/filings',
            source: 'catalog',
            relation: 'consumesApi',
            api: 'api:default/filings-api-v2',
          },
          {
            from: LEDGER,
            to: 'resource:default/filing-db',
            source: 'declared',
            categories: ['journal entries'],
            channel: 'PostgreSQL, TLS',
          },
        ]),
      );
      expect(into).toEqual(
        expect.arrayContaining([
          {
            from: 'component:default/billing',
            to: LEDGER,
            source: 'catalog',
            relation: 'consumesApi',
            api: 'api:default/ledger-api-v1',
          },
          {
            from: 'component:default/classification',
            to: LEDGER,
            source: 'catalog',
            relation: 'consumesApi',
            api: 'api:default/ledger-api-v2',
          },
          expect.objectContaining({
            from: ASSISTANT,
            to: LEDGER,
            source: 'declared',
          }),
        ]),
      );
      expect([...out, ...into].every(f => f.from !== f.to)).toBe(true);
      expect(out.every(f => f.from === LEDGER)).toBe(true);
      expect(into.every(f => f.to === LEDGER)).toBe(true);
    });

    it('clears a processor’s finding once its DPA is filed as evidence, and not for an item of another title', async () => {
      const file = (title: string) =>
        request(server)
          .post('/api/compliance/v1/evidence')
          .set('Authorization', callers.internal)
          .send({
            entityRef: ASSISTANT,
            controls: ['SOC2:P6.4'],
            source: 'external',
            title,
            collectedAt: new Date().toISOString(),
            result: 'satisfied',
          });
      const kinds = async () =>
        (await gdprOf(ASSISTANT)).body.findings.map(
          (f: { kind: string; subject: string }) => `${f.kind} ${f.subject}`,
        );
      expect(await kinds()).toEqual([
        'processor-without-dpa Cloud infrastructure provider (EU regions)',
        'processor-without-dpa Language model provider (EU region)',
      ]);
      expect((await file('A DPA of some other provider')).status).toBe(201);
      expect((await file('Cloud infrastructure provider DPA')).status).toBe(
        201,
      );
      // the language model provider's record names no DPA at all
      expect(await kinds()).toEqual([
        'processor-without-dpa Language model provider (EU region)',
      ]);
    });

    it('answers a broken record with its problems, and a file outside the catalog file’s folder as a problem', async () => {
      const broken = await gdprOf(BROKEN);
      expect(broken.status).toBe(200);
      expect(broken.body.problems).toEqual([
        {
          file: './gdpr.yaml',
          path: '/spec/activities/1/lawfulBasis',
          line: 13,
          message:
            '"whim" is not one of consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests',
        },
      ]);
      expect(broken.body.findings.map((f: { kind: string }) => f.kind)).toEqual(
        ['missing-retention', 'transfer-without-safeguard'],
      );
      const outside = await gdprOf(OUTSIDE);
      expect(outside.status).toBe(200);
      expect(outside.body.record).toBeUndefined();
      expect(outside.body.problems).toEqual([
        expect.objectContaining({
          file: '../secrets.yaml',
          message: expect.stringContaining(
            'may only read files in the folder of',
          ),
        }),
      ]);
      expect(JSON.stringify(outside.body)).not.toContain('out of reach');
    });

    it('answers an entity without a record with its flows, and one that does not exist with 404', async () => {
      const gateway = await gdprOf('component:default/api-gateway');
      expect(gateway.status).toBe(200);
      expect(gateway.body.file).toBeUndefined();
      expect(gateway.body.record).toBeUndefined();
      expect(gateway.body.flows.in).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            from: ASSISTANT,
            relation: 'consumesApi',
            api: 'api:default/api-gateway-api',
          }),
        ]),
      );
      const missing = await gdprOf('component:default/no-such-service');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        'No entity component:default/no-such-service',
      );
    });

    it('answers the register of every record, sorted by entity ref, and its CSV', async () => {
      const res = await get('/v1/gdpr/register');
      expect(res.status).toBe(200);
      expect(
        res.body.entries.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual([
        ASSISTANT,
        'component:default/billing',
        BROKEN,
        'component:default/documents',
        LEDGER,
        'component:default/ocr',
        OUTSIDE,
      ]);
      expect(res.body.entries[4]).toMatchObject({
        owner: 'group:default/team-finance',
        file: './gdpr.yaml',
      });

      const csv = await get('/v1/gdpr/register.csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe(
        'entity,title,owner,file,role,controller,activity,description,purposes,lawful basis,data subjects,categories,special categories,recipients,processors,transfers,retention,deletion,findings,problems',
      );
      expect(lines.at(-1)).toBe('');
      // a spreadsheet formula is defused, quotes doubled, the field quoted
      expect(csv.text).toContain(
        `,"'=HYPERLINK(""http://evil""), ""quoted""",consent,`,
      );
      expect(lines.find(line => line.startsWith(`${LEDGER},`))).toContain(
        ',keep-books,',
      );
      expect(lines.filter(line => line.startsWith(`${OUTSIDE},`))).toEqual([
        expect.stringMatching(/,"?\.\.\/secrets\.yaml: could not read/),
      ]);
      // one record per activity: 2 + 2 + 1 (the one that read) + 1 + 1 + 1 + 1
      expect(lines.length - 2).toBe(9);
    });

    it.each([
      ['acme', 403],
      ['globex', 403],
      ['anonymous', 401],
      ['drPublisher', 403],
      ['publisher', 403],
    ] as Array<[CallerName, number]>)(
      'refuses %s every route with %i',
      async (caller, status) => {
        for (const res of [
          await gdprOf(LEDGER, caller),
          await gdprOf('component:default/no-such-service', caller),
          await get('/v1/gdpr/register', caller),
          await get('/v1/gdpr/register.csv', caller),
        ]) {
          expect(res.status).toBe(status);
          expect(res.body.error.message).toBe(
            status === 401
              ? 'Missing credentials'
              : 'You may not read compliance records',
          );
          expect(JSON.stringify(res.body)).not.toMatch(/keep-books|Ledger/);
        }
      },
    );

    it('answers a service token without restrictions like an internal caller', async () => {
      expect((await gdprOf(LEDGER, 'ci')).status).toBe(200);
      const register = await get('/v1/gdpr/register', 'ci');
      expect(register.status).toBe(200);
      expect(register.body.entries).toHaveLength(7);
      expect((await get('/v1/gdpr/register.csv', 'ci')).status).toBe(200);
    });
  },
);
