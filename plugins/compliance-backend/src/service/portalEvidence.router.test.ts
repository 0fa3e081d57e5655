import { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
  serviceHeader,
} from '@readiness/backend-test-utils';
import {
  ComplianceEvidenceService,
  DefaultComplianceEvidenceService,
} from '@readiness/plugin-compliance-node';
import request from 'supertest';
import {
  callers,
  repositoryComplianceConfig,
  sampleEntities,
  startComplianceBackend,
} from '../__testUtils__/backend';
import { compliancePlugin } from '../plugin';

const databases = createStoreTestDatabases();

const LEDGER = 'component/default/ledger';
const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

jest.setTimeout(60_000);

function withoutPortalEvidence() {
  const { portalEvidence: _unmapped, ...config } = repositoryComplianceConfig();
  return config;
}

const portalCallers = {
  reliability: serviceHeader('plugin:reliability', 'compliance'),
  catalog: serviceHeader('plugin:catalog', 'compliance'),
  internal: callers.internal,
  publisher: callers.publisher,
  ci: callers.ci,
};

describe.each(databases.eachSupportedId())(
  'portal evidence on %s',
  databaseId => {
    let server: Server;
    const collectedAt = ago(2);

    beforeAll(async () => {
      server = await startComplianceBackend(await databases.init(databaseId));
    });

    const post = (caller: keyof typeof portalCallers, body: object) =>
      request(server)
        .post('/api/compliance/v1/evidence')
        .set('Authorization', portalCallers[caller])
        .send(body);

    const drill = (overrides: Record<string, unknown> = {}) => ({
      portalKind: 'drill-within-targets',
      entityRef: 'component:default/ledger',
      title: 'DR drill "region failover" restored service within its targets',
      description: 'RTO 20 min (target 60), RPO 3 min (target 15).',
      link: 'https://runbooks.example.com/drills/2026-11-30',
      collectedAt,
      idempotencyKey: 'drill.0123456789abcdef',
      ...overrides,
    });

    it('files a drill from the reliability plugin once, with the mapped source and controls', async () => {
      const first = await post('reliability', drill());
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        item: {
          entityRef: 'component:default/ledger',
          source: 'drill',
          controls: ['ISO27001:5.30', 'SOC2:A1.3'],
          result: 'satisfied',
          filedBy: 'service:plugin:reliability',
          idempotencyKey: 'portal:drill-within-targets:drill.0123456789abcdef',
        },
      });

      const again = await post('reliability', drill());
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ created: false, item: first.body.item });

      const list = await request(server)
        .get(`/api/compliance/v1/entities/${LEDGER}/evidence`)
        .set('Authorization', callers.internal);
      expect(
        list.body.items.filter((i: { source: string }) => i.source === 'drill'),
      ).toHaveLength(1);
    });

    it('files a tested restore under its own kind', async () => {
      const res = await post('reliability', {
        portalKind: 'backup-restore-tested',
        entityRef: 'component:default/ledger',
        title: 'Test restore of database backup succeeded',
        collectedAt,
        idempotencyKey: 'backup.3f0b4c1e-0000-4000-8000-000000000001',
      });
      expect(res.status).toBe(201);
      expect(res.body.item).toMatchObject({
        source: 'backup',
        controls: ['ISO27001:8.13', 'SOC2:A1.2'],
      });
    });

    it.each([
      ['another plugin', 'catalog'],
      ['a user', 'internal'],
      ['a pipeline token', 'publisher'],
      ['an unrestricted service token', 'ci'],
    ] as const)('refuses portal filings from %s', async (_what, caller) => {
      const res = await post(caller, drill({ idempotencyKey: 'drill.other' }));
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    });

    it('refuses a kind of another plugin, controls from the caller and a missing key', async () => {
      const lint = await post(
        'reliability',
        drill({ portalKind: 'api-lint-clean', idempotencyKey: 'api.x' }),
      );
      expect(lint.status).toBe(403);
      const controls = await post(
        'reliability',
        drill({ controls: ['SOC2:CC8.1'] }),
      );
      expect(controls.status).toBe(400);
      expect(controls.body.error.message).toMatch(/^controls: not accepted/);
      const { idempotencyKey: _key, ...keyless } = drill();
      const missing = await post('reliability', keyless);
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/^idempotencyKey: required/);
      const unknownEntity = await post(
        'reliability',
        drill({
          entityRef: 'component:default/no-such-service',
          idempotencyKey: 'drill.nowhere',
        }),
      );
      expect(unknownEntity.status).toBe(400);
      expect(unknownEntity.body.error.message).toMatch(/^entityRef: /);
    });

    it('files nothing for a kind the portal evidence file does not map', async () => {
      const { server: unmapped } = await startTestBackend({
        features: [
          compliancePlugin,
          catalogServiceMock.factory({ entities: sampleEntities() }),
          audiencePermissionsServiceFactory(),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              compliance: withoutPortalEvidence(),
            },
          }),
        ],
      });
      const res = await request(unmapped)
        .post('/api/compliance/v1/evidence')
        .set('Authorization', portalCallers.reliability)
        .send(drill({ idempotencyKey: 'drill.unmapped' }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: false });
    });
  },
);

describe('DefaultComplianceEvidenceService', () => {
  it('posts the filing with a plugin token and answers the stored item', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const item = { id: 'e1' };
    const service: ComplianceEvidenceService =
      new DefaultComplianceEvidenceService({
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        fetch: (async (url: string, init: RequestInit) => {
          calls.push({ url, init });
          return new Response(JSON.stringify({ created: true, item }), {
            status: 201,
          });
        }) as typeof fetch,
      });
    const filed = await service.filePortalEvidence(
      {
        kind: 'drill-within-targets',
        entityRef: 'component:default/ledger',
        title: 'Drill',
        collectedAt: '2026-12-01T10:00:00Z',
        idempotencyKey: 'drill.1',
      },
      { credentials: await mockServices.auth().getOwnServiceCredentials() },
    );
    expect(filed).toEqual({ created: true, item });
    expect(calls[0].url).toMatch(/\/api\/compliance\/v1\/evidence$/);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      portalKind: 'drill-within-targets',
      entityRef: 'component:default/ledger',
      title: 'Drill',
      collectedAt: '2026-12-01T10:00:00Z',
      idempotencyKey: 'drill.1',
    });
    expect(
      (calls[0].init.headers as Record<string, string>).Authorization,
    ).toMatch(/^Bearer /);
  });

  it('throws with the backend’s message when refused', async () => {
    const service = new DefaultComplianceEvidenceService({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async () =>
        new Response(
          JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }),
          { status: 403 },
        )) as unknown as typeof fetch,
    });
    await expect(
      service.filePortalEvidence(
        {
          kind: 'backup-restore-tested',
          entityRef: 'component:default/ledger',
          title: 'Restore',
          collectedAt: '2026-12-01T10:00:00Z',
          idempotencyKey: 'backup.1',
        },
        { credentials: await mockServices.auth().getOwnServiceCredentials() },
      ),
    ).rejects.toThrow(/answered 403 .*: no$/);
  });
});
