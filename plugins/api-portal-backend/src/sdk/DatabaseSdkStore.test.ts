import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { DatabaseArtifactStore } from './artifactStores';
import { DatabaseSdkStore } from './DatabaseSdkStore';

const databases = createStoreTestDatabases();
const directory = path.resolve(__dirname, '../../migrations');

const address = {
  specHash: 'a'.repeat(64),
  language: 'python',
  generatorVersion: '1.0.0',
};

describe.each(databases.eachSupportedId())('SDK stores on %s', databaseId => {
  it('migrate up, down with rows in the tables, and up again', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    const now = new Date();
    await knex('api_sdk_builds').insert({
      spec_hash: address.specHash,
      language: 'python',
      generator_version: '1.0.0',
      status: 'pending',
      created_at: now,
      updated_at: now,
    });
    await knex('api_sdk_artifacts').insert({
      key: 'k',
      bytes: Buffer.from([0, 1, 2]),
      content_type: 'application/gzip',
      size_bytes: 3,
      created_at: now,
    });
    await knex('api_sdk_downloads').insert({
      family: 'f',
      version: '1',
      language: 'python',
      day: '2026-11-28',
      audience: 'partner',
      downloads: 1,
    });
    await knex.migrate.down({
      directory,
      name: '20261128210000_api_portal_sdks.js',
    });
    expect(await knex.schema.hasTable('api_sdk_builds')).toBe(false);
    expect(await knex.schema.hasTable('api_spec_revisions')).toBe(true);
    await knex.migrate.latest({ directory });
    for (const table of [
      'api_sdk_builds',
      'api_sdk_artifacts',
      'api_sdk_downloads',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
  });

  it('keeps one build per address, claims it once and counts downloads in one upsert', async () => {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const store = await DatabaseSdkStore.create({ database });
    const first = await store.ensureBuild(address);
    const again = await store.ensureBuild(address);
    expect(again).toEqual(first);
    expect(first.status).toBe('pending');
    expect(await store.listPending(10)).toHaveLength(1);
    expect(await store.claim(address)).toBe(true);
    expect(await store.claim(address)).toBe(false);
    await store.finish(address, { status: 'failed', log: 'boom' });
    expect(await store.getBuild(address)).toMatchObject({
      status: 'failed',
      log: 'boom',
      finishedAt: expect.any(String),
    });
    await store.requeue(address);
    expect(await store.getBuild(address)).toMatchObject({ status: 'pending' });
    expect((await store.getBuild(address))?.log).toBeUndefined();

    const download = {
      family: 'ledger-api',
      version: '2.0.0',
      language: 'python',
      day: '2026-11-28',
      audience: 'partner' as const,
      partnerOrgs: ['acme'],
    };
    await store.countDownload(download);
    await store.countDownload(download);
    await store.countDownload({
      ...download,
      audience: 'internal',
      partnerOrgs: [],
    });
    await store.countDownload({ ...download, day: '2026-11-29' });
    expect(
      (await store.downloadTotals('ledger-api', '2.0.0')).sort((a, b) =>
        a.audience.localeCompare(b.audience),
      ),
    ).toEqual([
      {
        language: 'python',
        audience: 'internal',
        partnerOrgs: [],
        downloads: 1,
        sample: false,
      },
      {
        language: 'python',
        audience: 'partner',
        partnerOrgs: ['acme'],
        downloads: 3,
        sample: false,
      },
    ]);
    expect(
      (await store.downloadsByDay({ family: 'ledger-api' })).map(d => [
        d.day,
        d.audience,
        d.downloads,
      ]),
    ).toEqual([
      ['2026-11-28', 'internal', 1],
      ['2026-11-28', 'partner', 2],
      ['2026-11-29', 'partner', 1],
    ]);
  });

  it("counts a family's downloads per day for everyone or for partner organisations", async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseSdkStore.create({
      database: mockServices.database({ knex }),
    });
    const download = (
      day: string,
      partnerOrgs: string[],
      family = 'ledger-api',
    ) =>
      store.countDownload({
        family,
        version: '2.0.0',
        language: 'python',
        day,
        audience: partnerOrgs.length > 0 ? 'partner' : 'internal',
        partnerOrgs,
      });
    await download('2026-11-28', []);
    await download('2026-11-28', ['acme']);
    await download('2026-11-28', ['globex']);
    // A member of two organisations counts for both, once
    await download('2026-11-29', ['globex', 'acme']);
    await download('2026-11-29', ['acme']);
    await download('2026-11-29', ['acme'], 'ocr-api');
    // Before organisations were kept: counted, but nobody's own
    await knex('api_sdk_downloads').insert({
      family: 'ledger-api',
      version: '1.0.0',
      language: 'python',
      day: '2026-11-29',
      audience: 'partner',
      downloads: 4,
    });
    const since = '2026-11-01';
    expect(await store.familyDownloadsByDay(['ledger-api'], since)).toEqual(
      new Map([
        [
          'ledger-api',
          [
            { day: '2026-11-28', downloads: 3 },
            { day: '2026-11-29', downloads: 6 },
          ],
        ],
      ]),
    );
    expect(
      await store.familyDownloadsByDay(['ledger-api', 'ocr-api'], since, [
        'acme',
      ]),
    ).toEqual(
      new Map([
        [
          'ledger-api',
          [
            { day: '2026-11-28', downloads: 1 },
            { day: '2026-11-29', downloads: 2 },
          ],
        ],
        ['ocr-api', [{ day: '2026-11-29', downloads: 1 }]],
      ]),
    );
    expect(
      await store.familyDownloadsByDay(['ledger-api'], since, ['globex']),
    ).toEqual(
      new Map([
        [
          'ledger-api',
          [
            { day: '2026-11-28', downloads: 1 },
            { day: '2026-11-29', downloads: 1 },
          ],
        ],
      ]),
    );
    expect(
      await store.familyDownloadsByDay(['ledger-api'], since, ['initech']),
    ).toEqual(new Map());
    expect(
      await store.familyDownloadsByDay(['ledger-api'], '2026-11-29', []),
    ).toEqual(new Map());
  });

  it('keeps sample counts apart from real downloads, once each', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseSdkStore.create({
      database: mockServices.database({ knex }),
    });
    const key = {
      family: 'ledger-api',
      version: '2.0.0',
      language: 'python',
      day: '2026-11-28',
    };
    const counts = [
      { ...key, audience: 'internal' as const, partnerOrgs: [], downloads: 7 },
      {
        ...key,
        audience: 'partner' as const,
        partnerOrgs: ['acme'],
        downloads: 2,
      },
    ];
    expect(await store.addSampleDownloads(counts)).toBe(2);
    // The same counts again, and changed ones for the same keys, add nothing
    expect(await store.addSampleDownloads(counts)).toBe(0);
    expect(
      await store.addSampleDownloads(counts.map(c => ({ ...c, downloads: 1 }))),
    ).toBe(0);
    // A real download on the same day is counted beside them
    await store.countDownload({
      ...key,
      audience: 'internal',
      partnerOrgs: [],
    });
    expect(
      (await store.downloadTotals('ledger-api', '2.0.0'))
        .map(t => [t.audience, t.partnerOrgs, t.sample, t.downloads])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['internal', [], false, 1],
      ['internal', [], true, 7],
      ['partner', ['acme'], true, 2],
    ]);
    expect(
      await store.familyDownloadsByDay(['ledger-api'], '2026-11-01'),
    ).toEqual(
      new Map([
        ['ledger-api', [{ day: '2026-11-28', downloads: 10, sample: 9 }]],
      ]),
    );
    expect(
      await store.familyDownloadsByDay(['ledger-api'], '2026-11-01', ['acme']),
    ).toEqual(
      new Map([
        ['ledger-api', [{ day: '2026-11-28', downloads: 2, sample: 2 }]],
      ]),
    );
  });

  it('keeps archives byte for byte in the database artifact store', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseArtifactStore.create({
      database: mockServices.database({ knex }),
    });
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
    const key = 'sdk/python/1.0.0/abc.tar.gz';
    expect(await store.has(key)).toBe(false);
    await store.put(key, bytes, { contentType: 'application/gzip' });
    await store.put(key, bytes, { contentType: 'application/gzip' });
    expect(await store.has(key)).toBe(true);
    const artifact = await store.get(key);
    expect(artifact).toMatchObject({
      contentType: 'application/gzip',
      size: 300,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of artifact!.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });
});
