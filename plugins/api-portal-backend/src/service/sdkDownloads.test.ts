import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { PythonSdkGenerator } from '@readiness/plugin-api-portal-backend-module-sdk-python';
import { TypeScriptSdkGenerator } from '@readiness/plugin-api-portal-backend-module-sdk-typescript';
import { Knex } from 'knex';
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

/**
 * Ready SDKs of the portal's languages (its generator modules) for a
 * definition, kept in the database artifact store, so downloads need no
 * generator run.
 */
async function seedReadySdks(knex: Knex, specHash: string) {
  const now = new Date();
  for (const generator of [
    new TypeScriptSdkGenerator(),
    new PythonSdkGenerator(),
  ]) {
    const key = `sdk/${generator.language}/test/${specHash}.tar.gz`;
    const bytes = Buffer.from(`${generator.language} archive`);
    await knex('api_sdk_artifacts').insert({
      key,
      bytes,
      content_type: 'application/gzip',
      size_bytes: bytes.length,
      created_at: now,
    });
    await knex('api_sdk_builds').insert({
      spec_hash: specHash,
      language: generator.language,
      generator_version: generator.version,
      status: 'ready',
      log: '',
      artifact_key: key,
      size_bytes: bytes.length,
      created_at: now,
      updated_at: now,
      finished_at: now,
    });
  }
}

async function download(
  portal: TestPortal,
  language: string,
  caller: string,
  times: number,
) {
  for (let i = 0; i < times; i++) {
    const response = await portal.get(
      `${LEDGER}/sdks/${language}/download`,
      caller,
    );
    expect(response.status).toBe(200);
  }
}

/** The downloads each language shows the caller. */
async function downloadsSeenBy(portal: TestPortal, caller: string) {
  const response = await portal.get(`${LEDGER}/sdks`, caller);
  expect(response.status).toBe(200);
  return Object.fromEntries(
    response.body.sdks.map((sdk: any) => [sdk.language, sdk.downloads]),
  );
}

/** The ledger family's downloads of the last 30 days, as the caller sees them. */
async function familyDownloadsSeenBy(portal: TestPortal, caller: string) {
  const response = await portal.get('/v1/families', caller);
  expect(response.status).toBe(200);
  const ledger = response.body.items.find((f: any) => f.name === 'ledger-api');
  return {
    days: ledger.sdkDownloadsLast30Days,
    scope: ledger.sdkDownloadsScope,
  };
}

describe.each(databases.eachSupportedId())(
  'SDK download counts on %s',
  databaseId => {
    it("shows internal callers every download and a partner their own organisation's only", async () => {
      const knex = await databases.init(databaseId);
      const portal = await startPortal({
        knex,
        entities: sampleApis(),
        features: sdkGeneratorModules,
      });
      await portal.collect();
      const [current] = (await portal.get(`${LEDGER}/revisions`)).body.items;
      await seedReadySdks(knex, current.contentHash);

      await download(portal, 'python', callers.internal, 1);
      await download(portal, 'typescript', callers.service, 1);
      await download(portal, 'python', callers.partner, 2);
      await download(portal, 'python', callers.otherPartner, 3);

      const today = new Date().toISOString().slice(0, 10);
      // Partners: their own organisation's downloads, nothing else
      for (const [caller, own] of [
        [callers.partner, 2],
        [callers.otherPartner, 3],
      ] as const) {
        const seen = await downloadsSeenBy(portal, caller);
        expect(seen.python).toEqual({ scope: 'organisation', total: own });
        expect(seen.typescript).toEqual({ scope: 'organisation', total: 0 });
        expect(await familyDownloadsSeenBy(portal, caller)).toEqual({
          days: [{ day: today, downloads: own }],
          scope: 'organisation',
        });
      }
      // Internal users and services: every download, split by audience
      for (const caller of [callers.internal, callers.service]) {
        const seen = await downloadsSeenBy(portal, caller);
        expect(seen.python).toEqual({
          scope: 'all',
          internal: 1,
          partner: 5,
          total: 6,
        });
        expect(seen.typescript).toEqual({
          scope: 'all',
          internal: 1,
          partner: 0,
          total: 1,
        });
        expect(await familyDownloadsSeenBy(portal, caller)).toEqual({
          days: [{ day: today, downloads: 7 }],
          scope: 'all',
        });
      }

      // Each download is kept with the downloader's partner organisation
      const rows = await knex('api_sdk_downloads').orderBy([
        'language',
        'audience',
        'partner_org',
      ]);
      expect(
        rows.map(r => [
          r.language,
          r.audience,
          r.partner_org,
          Number(r.downloads),
        ]),
      ).toEqual([
        ['python', 'internal', '', 1],
        ['python', 'partner', 'acme', 2],
        ['python', 'partner', 'globex', 3],
        ['typescript', 'internal', '', 1],
      ]);
    });
  },
);
