import {
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  ApiPortalSampleDownloads,
  ApiPortalSampleDownloadSource,
  apiPortalSampleDownloadsExtensionPoint,
  CollectedApiVersion,
  SdkDownloadCount,
} from '@readiness/plugin-api-portal-node';
import { JsonObject } from '@backstage/types';
import sampleDataModule from './module';
import { SAMPLE_DOWNLOADS_TASK_ID } from './sampleDownloadSource';
import { SampleDownloadsSeeder } from './SampleDownloadsSeeder';
import { SAMPLE_FAMILIES } from './sampleDownloads';

type Task = Parameters<SchedulerService['scheduleTask']>[0];

/**
 * Downloads as the api-portal backend keeps them: a count per key, kept
 * once, and versions that appear when the collection has run.
 */
class KeptDownloads implements ApiPortalSampleDownloads {
  readonly kept = new Map<string, number>();
  versions: CollectedApiVersion[] = [];

  async collectedVersions() {
    return this.versions;
  }

  async addSampleDownloads(counts: SdkDownloadCount[]) {
    let added = 0;
    for (const c of counts) {
      const key = [
        c.family,
        c.version,
        c.language,
        c.day,
        c.audience,
        c.partnerOrgs,
      ].join(' ');
      if (this.kept.has(key)) continue;
      this.kept.set(key, c.downloads);
      added += 1;
    }
    return { added };
  }
}

const LEDGER_V2: CollectedApiVersion = {
  entityRef: 'api:default/ledger-api-v2',
  family: 'ledger-api',
  version: '2.0.0',
  partnerFacing: true,
};

/** A collected version of every sample family. */
const SAMPLE_VERSIONS: CollectedApiVersion[] = SAMPLE_FAMILIES.map(f => ({
  entityRef: `api:default/${f.family}`,
  family: f.family,
  version: '1.0.0',
  partnerFacing: f.partnerOrgs.length > 0,
}));

/** The api-portal plugin's side of the extension point, as far as the module sees it. */
async function start(config: JsonObject) {
  const sources: ApiPortalSampleDownloadSource[] = [];
  const tasks: Task[] = [];
  const plugin = createBackendPlugin({
    pluginId: 'api-portal',
    register(env) {
      env.registerExtensionPoint(apiPortalSampleDownloadsExtensionPoint, {
        addSampleDownloadSource: (...added) => sources.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.push(task);
    },
  });
  await startTestBackend({
    features: [
      plugin,
      sampleDataModule,
      scheduler.factory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { sources, tasks };
}

describe('the api-portal sample-data module', () => {
  it('adds no source while sample data is off', async () => {
    for (const config of [
      {},
      { readinessPortal: { sampleData: { enabled: false } } },
    ]) {
      const { sources } = await start(config);
      expect(sources).toEqual([]);
    }
  });

  it('counts the downloads once, however often its task runs', async () => {
    const { sources, tasks } = await start({
      readinessPortal: { sampleData: { enabled: true } },
    });
    expect(sources.map(s => s.name)).toEqual(['sample-data']);
    const downloads = new KeptDownloads();
    downloads.versions = SAMPLE_VERSIONS;
    await sources[0].connect(downloads);
    const task = tasks.find(t => t.id === SAMPLE_DOWNLOADS_TASK_ID)!;
    expect(task).toMatchObject({ scope: 'global' });

    await task.fn(new AbortController().signal);
    const first = new Map(downloads.kept);
    expect(first.size).toBeGreaterThan(60);
    await task.fn(new AbortController().signal);
    expect(downloads.kept).toEqual(first);
  });

  it('waits for the collection, and counts what it found when the wait is over', async () => {
    const downloads = new KeptDownloads();
    const waits: number[] = [];
    downloads.versions = [LEDGER_V2];
    const seeder = new SampleDownloadsSeeder({
      logger: mockServices.logger.mock(),
      families: [
        { family: 'ledger-api', internalPerDay: 12, partnerOrgs: ['acme'] },
        { family: 'nowhere-api', internalPerDay: 1, partnerOrgs: [] },
      ],
      collectionWaitMs: 0,
      now: () => new Date('2026-12-05T18:00:00Z'),
    });
    const result = await seeder.seed(downloads);
    expect(result.missingFamilies).toEqual(['nowhere-api']);
    expect(result.counts).toBeGreaterThan(60);
    expect(result.added).toBe(result.counts);
    downloads.kept.clear();

    const waiting = new SampleDownloadsSeeder({
      logger: mockServices.logger.mock(),
      families: [{ family: 'ledger-api', internalPerDay: 12, partnerOrgs: [] }],
      now: () => new Date('2026-12-05T18:00:00Z'),
      sleep: async ms => {
        waits.push(ms);
        downloads.versions = [LEDGER_V2];
      },
    });
    downloads.versions = [];
    const counted = await waiting.seed(downloads);
    expect(waits).toEqual([5_000]);
    expect(counted.missingFamilies).toEqual([]);
    expect(counted.added).toBeGreaterThan(60);
  });

  it('fails a pass when the backend refuses the counts', async () => {
    const downloads = new KeptDownloads();
    downloads.versions = SAMPLE_VERSIONS;
    downloads.addSampleDownloads = async () => {
      throw Object.assign(new Error('/0/day: 2026-12-07 has not begun'), {
        name: 'InputError',
      });
    };
    const seeder = new SampleDownloadsSeeder({
      logger: mockServices.logger.mock(),
    });
    await expect(seeder.seed(downloads)).rejects.toThrow(/has not begun/);
  });
});
