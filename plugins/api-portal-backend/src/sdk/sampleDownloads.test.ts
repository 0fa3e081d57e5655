import { createBackendModule } from '@backstage/backend-plugin-api';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  ApiPortalSampleDownloads,
  apiPortalSampleDownloadsExtensionPoint,
  SdkDownloadCount,
} from '@readiness/plugin-api-portal-node';
import {
  callers,
  sampleApis,
  sdkGeneratorModules,
  startPortal,
  TestPortal,
} from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

jest.setTimeout(60_000);

const LEDGER = '/v1/entities/api/default/ledger-api-v2';

/** A module that keeps what the backend hands sample download sources. */
function captureModule() {
  const captured: { downloads?: ApiPortalSampleDownloads } = {};
  const module = createBackendModule({
    pluginId: 'api-portal',
    moduleId: 'test-sample-downloads',
    register(reg) {
      reg.registerInit({
        deps: { sources: apiPortalSampleDownloadsExtensionPoint },
        async init({ sources }) {
          sources.addSampleDownloadSource({
            name: 'test',
            async connect(downloads) {
              captured.downloads = downloads;
            },
          });
        },
      });
    },
  });
  return { module, captured };
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(databases.eachSupportedId())(
  'sample SDK downloads on %s',
  databaseId => {
    async function start(): Promise<{
      portal: TestPortal;
      downloads: ApiPortalSampleDownloads;
    }> {
      const { module, captured } = captureModule();
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities: sampleApis(),
        features: [...sdkGeneratorModules, module],
      });
      await portal.collect();
      return { portal, downloads: captured.downloads! };
    }

    const count = (overrides: Partial<SdkDownloadCount>): SdkDownloadCount => ({
      family: 'ledger-api',
      version: '2.0.0',
      language: 'python',
      day: daysAgo(1),
      audience: 'internal',
      partnerOrgs: [],
      downloads: 5,
      ...overrides,
    });

    it('hands sources the collected versions', async () => {
      const { downloads } = await start();
      expect(
        (await downloads.collectedVersions())
          .map(v => `${v.family} ${v.version} ${v.partnerFacing}`)
          .sort(),
      ).toEqual([
        'ledger-api 1.0.0 true',
        'ledger-api 2.0.0 true',
        'ocr-api 0.3.0 false',
      ]);
    });

    it('refuses counts it would not count, keeping none of them', async () => {
      const { portal, downloads } = await start();
      const refusals: Array<[Partial<SdkDownloadCount>, RegExp]> = [
        [{ version: '3.0.0' }, /not a collected API version/],
        [{ day: daysAgo(-2) }, /\/day: .* has not begun/],
        [{ day: '1 Dec' }, /\/day: expected YYYY-MM-DD/],
        [{ audience: 'partner' }, /\/partnerOrgs: /],
        [{ partnerOrgs: ['acme'] }, /\/partnerOrgs: /],
        [{ downloads: 0 }, /\/downloads: /],
        [{ downloads: 1.5 }, /\/downloads: /],
        [{ language: '' }, /\/language: /],
      ];
      for (const [overrides, message] of refusals) {
        await expect(
          downloads.addSampleDownloads([count({}), count(overrides)]),
        ).rejects.toMatchObject({ name: 'InputError', message });
      }
      const families = await portal.get('/v1/families');
      const ledger = families.body.items.find(
        (f: { name: string }) => f.name === 'ledger-api',
      );
      expect(ledger.sdkDownloadsLast30Days).toEqual([]);
    });

    it('shows kept counts as sample data, to each caller as much as is theirs', async () => {
      const { portal, downloads } = await start();
      const yesterday = daysAgo(1);
      const counts = [
        count({}),
        count({ audience: 'partner', partnerOrgs: ['acme'], downloads: 2 }),
        count({ audience: 'partner', partnerOrgs: ['globex'], downloads: 3 }),
      ];
      expect(await downloads.addSampleDownloads(counts)).toEqual({ added: 3 });
      expect(await downloads.addSampleDownloads(counts)).toEqual({ added: 0 });

      const seen = async (caller: string) => {
        const sdks = await portal.get(`${LEDGER}/sdks`, caller);
        const families = await portal.get('/v1/families', caller);
        return {
          python: sdks.body.sdks.find(
            (s: { language: string }) => s.language === 'python',
          ).downloads,
          days: families.body.items.find(
            (f: { name: string }) => f.name === 'ledger-api',
          ).sdkDownloadsLast30Days,
        };
      };
      expect(await seen(callers.internal)).toEqual({
        python: {
          scope: 'all',
          internal: 5,
          partner: 5,
          total: 10,
          sample: 10,
        },
        days: [{ day: yesterday, downloads: 10, sample: 10 }],
      });
      // A partner sees their own organisation's, marked all the same
      expect(await seen(callers.partner)).toEqual({
        python: { scope: 'organisation', total: 2, sample: 2 },
        days: [{ day: yesterday, downloads: 2, sample: 2 }],
      });
    });
  },
);
