import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  ComplianceEvidenceFilings,
  ComplianceEvidenceSource,
  complianceEvidenceSourcesExtensionPoint,
} from '@readiness/plugin-compliance-node';
import request from 'supertest';
import {
  callers,
  repositoryComplianceConfig,
  startComplianceBackend,
} from '../__testUtils__/backend';

function sourcesModule(...sources: ComplianceEvidenceSource[]) {
  return createBackendModule({
    pluginId: 'compliance',
    moduleId: 'test-sources',
    register(reg) {
      reg.registerInit({
        deps: { points: complianceEvidenceSourcesExtensionPoint },
        async init({ points }) {
          points.addEvidenceSource(...sources);
        },
      });
    },
  });
}

const ago = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString();

const SCAN = {
  entityRef: 'component:default/ledger',
  controls: ['SOC2:CC7.1', 'ISO27001:8.8'],
  source: 'pipeline',
  title: 'Dependency scan: no high or critical findings',
  collectedAt: ago(2),
  result: 'satisfied',
  idempotencyKey: 'importer:scan/ledger/1',
};

const plugin = mockCredentials.service('plugin:compliance');

const databases = createStoreTestDatabases();

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'compliance evidence sources on %s',
  databaseId => {
    it('hands each source, once started, the services the HTTP API files through', async () => {
      const connected: string[] = [];
      let filings: ComplianceEvidenceFilings | undefined;
      const server = await startComplianceBackend(
        await databases.init(databaseId),
        repositoryComplianceConfig(),
        [
          sourcesModule(
            {
              name: 'importer',
              async connect(f) {
                connected.push('importer');
                filings = f;
              },
            },
            {
              name: 'other',
              async connect() {
                connected.push('other');
              },
            },
          ),
        ],
      );
      expect(connected).toEqual(['importer', 'other']);

      const filed = await filings!.fileEvidence(SCAN, {
        credentials: plugin,
      });
      expect(filed).toMatchObject({
        created: true,
        item: { filedBy: 'service:plugin:compliance', source: 'pipeline' },
      });
      const again = await filings!.fileEvidence(SCAN, {
        credentials: plugin,
      });
      expect(again).toMatchObject({
        created: false,
        item: { id: filed.item!.id },
      });
      // Readers find it where pipelines' evidence is
      const listed = await request(server)
        .get('/api/compliance/v1/entities/component/default/ledger/evidence')
        .set('Authorization', callers.internal);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([
        filed.item!.id,
      ]);
      const page = await filings!.listEvidence(
        'component:default/ledger',
        { limit: 10 },
        { credentials: plugin },
      );
      expect(page.items.map(i => i.id)).toEqual([filed.item!.id]);

      const withdrawn = await filings!.withdrawEvidence(
        filed.item!.id,
        { reason: 'The scan ran against the wrong image' },
        { credentials: plugin },
      );
      expect(withdrawn).toMatchObject({
        created: true,
        item: { withdrawal: { withdrawnBy: 'service:plugin:compliance' } },
      });
      expect(
        await filings!.withdrawEvidence(
          filed.item!.id,
          { reason: 'The scan ran against the wrong image' },
          { credentials: plugin },
        ),
      ).toMatchObject({ created: false });

      // The same checks as over HTTP: validation, the catalog, authorization
      await expect(
        filings!.fileEvidence(
          { ...SCAN, controls: ['SOC2:CC99.9'] },
          { credentials: plugin },
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^controls\/0: /),
      });
      await expect(
        filings!.fileEvidence(
          { ...SCAN, entityRef: 'component:default/nope' },
          { credentials: plugin },
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'entityRef: no entity component:default/nope in the catalog',
      });
      await expect(
        filings!.fileEvidence(
          { ...SCAN, title: 'Another scan' },
          { credentials: plugin },
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        filings!.fileEvidence(SCAN, {
          credentials: mockCredentials.user('user:default/maria.lopez'),
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        filings!.withdrawEvidence(
          filed.item!.id,
          { reason: 'A pipeline may not take evidence back' },
          {
            credentials: mockCredentials.service('compliance-publisher', {
              permissionNames: ['compliance.evidence.file'],
            }),
          },
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      // A portal kind goes where POST /v1/evidence sends it: its filers only
      await expect(
        filings!.fileEvidence(
          {
            portalKind: 'gate-passed',
            entityRef: 'component:default/ledger',
            title: 'Release gate passed',
            collectedAt: ago(1),
            idempotencyKey: 'gate.1',
          },
          { credentials: plugin },
        ),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: 'Only plugin:reliability file gate-passed evidence',
      });
    });

    it('refuses a second source with the same name', async () => {
      const source = { name: 'importer', connect: async () => {} };
      await expect(
        startComplianceBackend(
          await databases.init(databaseId),
          repositoryComplianceConfig(),
          [sourcesModule(source, { ...source })],
        ),
      ).rejects.toThrow(
        'A compliance evidence source named importer was added twice',
      );
    });
  },
);
