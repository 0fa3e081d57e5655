import { createBackendModule } from '@backstage/backend-plugin-api';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  apiPortalArtifactStoreExtensionPoint,
  apiPortalSdkGeneratorsExtensionPoint,
  SdkArtifactStore,
  SdkGenerator,
} from '@readiness/plugin-api-portal-node';
import { repositoryPath } from '@readiness/test-corpus';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import request from 'supertest';
import { extract } from 'tar-stream';
import {
  apiEntity,
  callers,
  openapi,
  sdkGeneratorModules,
  startPortal,
  TestPortal,
} from '../__testUtils__/portal';
import { FilesystemArtifactStore } from './artifactStores';

const databases = createStoreTestDatabases();

// Builds run the real generators (TypeScript in a child Node.js process)
jest.setTimeout(120_000);

const LEDGER_V2 = fs.readFileSync(
  repositoryPath('services/ledger/openapi.yaml'),
  'utf8',
);

/** A generator that always fails, added through the extension point. */
const brokenGenerator: SdkGenerator = {
  language: 'broken',
  displayName: 'Broken',
  version: '0.0.1',
  async generate({ log }) {
    log('starting the broken generator');
    throw new Error('the broken generator cannot generate anything');
  },
};

const brokenGeneratorModule = createBackendModule({
  pluginId: 'api-portal',
  moduleId: 'sdk-broken',
  register(env) {
    env.registerInit({
      deps: { generators: apiPortalSdkGeneratorsExtensionPoint },
      async init({ generators }) {
        generators.addGenerator(brokenGenerator);
      },
    });
  },
});

const LEDGER = '/v1/entities/api/default/ledger-api-v2';
const OCR = '/v1/entities/api/default/ocr-api';

/** The names of the files in a .tar.gz. */
async function tarEntries(archive: Buffer): Promise<string[]> {
  const names: string[] = [];
  const unpack = extract();
  const done = new Promise<void>((resolve, reject) => {
    unpack.on('entry', (header, stream, next) => {
      names.push(header.name);
      stream.on('end', next);
      stream.resume();
    });
    unpack.on('finish', resolve);
    unpack.on('error', reject);
  });
  Readable.from([zlib.gunzipSync(archive)]).pipe(unpack);
  await done;
  return names;
}

function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** Waits until no SDK of the entity is pending or building. */
async function settled(portal: TestPortal, entity: string) {
  const deadline = Date.now() + 100_000;
  for (;;) {
    const res = await portal.get(`${entity}/sdks`);
    expect(res.status).toBe(200);
    const busy = res.body.sdks.some((s: { status: string }) =>
      ['pending', 'building'].includes(s.status),
    );
    if (!busy) return res.body;
    if (Date.now() > deadline) throw new Error('SDK builds did not settle');
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe.each(databases.eachSupportedId())(
  'SDK builds and downloads on %s',
  databaseId => {
    let knex: Knex;

    async function start() {
      knex = await databases.init(databaseId);
      const portal = await startPortal({
        knex,
        entities: [
          apiEntity('ledger-api-v2', LEDGER_V2, {
            partner: true,
            family: 'ledger-api',
          }),
          apiEntity('ocr-api', openapi('0.3.0', ['/documents']), {
            family: 'ocr-api',
          }),
        ],
        features: [...sdkGeneratorModules, brokenGeneratorModule],
        config: { sdk: { buildAfterCollection: true } },
      });
      await portal.collect();
      // The collection pass queued a build per language of both entities
      expect(
        Number((await knex('api_sdk_builds').count({ n: '*' }))[0].n),
      ).toBe(6);
      return portal;
    }

    it('builds ledger v2 SDKs, streams them, counts downloads and records failures', async () => {
      const started = Date.now();
      const portal = await start();
      const listed = await settled(portal, LEDGER);
      // eslint-disable-next-line no-console
      console.log(`ledger v2 SDKs built in ${Date.now() - started} ms`);
      expect(listed).toMatchObject({
        entityRef: 'api:default/ledger-api-v2',
        family: 'ledger-api',
        version: '2.0.0',
        packageName: 'ledger-api',
      });
      const byLanguage = Object.fromEntries(
        listed.sdks.map((s: { language: string }) => [s.language, s]),
      );
      expect(byLanguage.typescript).toMatchObject({
        status: 'ready',
        sizeBytes: expect.any(Number),
        fileName: 'ledger-api-2.0.0-typescript.tar.gz',
      });
      expect(byLanguage.python).toMatchObject({
        status: 'ready',
        install: 'pip install ledger-api-2.0.0-python.tar.gz',
        usage: expect.stringMatching(/^import [a-z_][a-z0-9_]*$/),
      });
      expect(byLanguage.python.log).toBeUndefined();
      // A failing generator: failed with its log, the backend carries on
      expect(byLanguage.broken).toMatchObject({ status: 'failed' });
      expect(byLanguage.broken.log).toContain('starting the broken generator');
      expect(byLanguage.broken.log).toContain(
        'the broken generator cannot generate anything',
      );
      expect((await portal.get('/v1/families')).status).toBe(200);
      const asPartner = await portal.get(`${LEDGER}/sdks`, callers.partner);
      expect(asPartner.status).toBe(200);
      expect(
        asPartner.body.sdks.find((s: any) => s.language === 'broken').log,
      ).toBeUndefined();

      const ts = await binary(portal.get(`${LEDGER}/sdks/typescript/download`));
      expect(ts.status).toBe(200);
      expect(ts.headers['content-type']).toBe('application/gzip');
      expect(ts.headers['content-disposition']).toBe(
        'attachment; filename="ledger-api-2.0.0-typescript.tar.gz"',
      );
      expect(Number(ts.headers['content-length'])).toBe(
        byLanguage.typescript.sizeBytes,
      );
      expect(await tarEntries(ts.body)).toContain(
        'ledger-api-typescript/package.json',
      );

      for (let i = 0; i < 2; i++) {
        const py = await binary(
          portal.get(`${LEDGER}/sdks/python/download`, callers.partner),
        );
        expect(py.status).toBe(200);
        expect(await tarEntries(py.body)).toContain(
          'ledger-api-python/pyproject.toml',
        );
      }
      const counted = await portal.get(`${LEDGER}/sdks`);
      const downloads = Object.fromEntries(
        counted.body.sdks.map((s: any) => [s.language, s.downloads]),
      );
      expect(downloads.typescript).toEqual({
        scope: 'all',
        internal: 1,
        partner: 0,
        total: 1,
      });
      expect(downloads.python).toEqual({
        scope: 'all',
        internal: 0,
        partner: 2,
        total: 2,
      });
      const rows = await knex('api_sdk_downloads').orderBy('language');
      expect(
        rows.map(r => [
          r.family,
          r.version,
          r.language,
          r.day,
          r.audience,
          Number(r.downloads),
        ]),
      ).toEqual([
        [
          'ledger-api',
          '2.0.0',
          'python',
          new Date().toISOString().slice(0, 10),
          'partner',
          2,
        ],
        [
          'ledger-api',
          '2.0.0',
          'typescript',
          new Date().toISOString().slice(0, 10),
          'internal',
          1,
        ],
      ]);

      const families = await portal.get('/v1/families');
      expect(
        families.body.items.find((f: any) => f.name === 'ledger-api'),
      ).toMatchObject({
        sdkDownloadsLast30Days: [
          { day: new Date().toISOString().slice(0, 10), downloads: 3 },
        ],
      });

      // Callers: partners only for partner-facing APIs, nobody anonymous
      await settled(portal, OCR);
      const internalOcr = await portal.get(`${OCR}/sdks/python/download`);
      expect(internalOcr.status).toBe(200);
      const partnerOcr = await portal.get(
        `${OCR}/sdks/python/download`,
        callers.partner,
      );
      // An internal API is "not found" for partners, as one never collected
      expect(partnerOcr.status).toBe(404);
      expect(
        (await portal.get(`${LEDGER}/sdks/python/download`, callers.anonymous))
          .status,
      ).toBe(401);
      expect(
        (await portal.get(`${LEDGER}/postman`, callers.anonymous)).status,
      ).toBe(401);
      expect((await portal.get(`${OCR}/postman`, callers.partner)).status).toBe(
        404,
      );
      const unknown = await portal.get(`${LEDGER}/sdks/cobol/download`);
      expect(unknown.status).toBe(404);

      // Postman collection of the version
      const postman = await portal.get(`${LEDGER}/postman`, callers.partner);
      expect(postman.status).toBe(200);
      expect(postman.body.info).toMatchObject({ name: 'Ledger API' });
      expect(postman.body.item.length).toBeGreaterThan(0);
    });

    it('answers 409 while a build is pending or building and rebuilds on request', async () => {
      const portal = await start();
      await settled(portal, LEDGER);
      for (const status of ['pending', 'building']) {
        await knex('api_sdk_builds')
          .where('language', 'python')
          .update({ status });
        const res = await portal.get(`${LEDGER}/sdks/python/download`);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({
          name: 'ConflictError',
          message: `The python SDK of api:default/ledger-api-v2 is ${status}; try again in a minute`,
        });
      }
      await knex('api_sdk_builds')
        .where('language', 'python')
        .update({ status: 'failed' });
      expect(
        (await portal.post(`${LEDGER}/sdks/python/build`, callers.partner))
          .status,
      ).toBe(403);
      const queued = await portal.post(`${LEDGER}/sdks/python/build`);
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({ language: 'python' });
      expect(['pending', 'building', 'ready']).toContain(queued.body.status);
      const after = await settled(portal, LEDGER);
      expect(after.sdks.find((s: any) => s.language === 'python').status).toBe(
        'ready',
      );
      expect((await portal.get(`${LEDGER}/sdks/python/download`)).status).toBe(
        200,
      );
      await knex('api_sdk_builds').where('language', 'python').delete();
      // No build: 404 from the download; listing queues it again
      expect((await portal.get(`${LEDGER}/sdks/python/download`)).status).toBe(
        404,
      );
    });
  },
);

describe.each(databases.eachSupportedId())(
  'A backend without SDK generator modules on %s',
  databaseId => {
    it('offers no SDK languages: an empty list, and 404 for any language', async () => {
      const knex = await databases.init(databaseId);
      const portal = await startPortal({
        knex,
        entities: [
          apiEntity('ledger-api-v2', LEDGER_V2, {
            partner: true,
            family: 'ledger-api',
          }),
        ],
        config: { sdk: { buildAfterCollection: true } },
      });
      await portal.collect();
      for (const caller of [callers.internal, callers.partner]) {
        const listed = await portal.get(`${LEDGER}/sdks`, caller);
        expect(listed.status).toBe(200);
        expect(listed.body).toMatchObject({
          entityRef: 'api:default/ledger-api-v2',
          version: '2.0.0',
          sdks: [],
        });
      }
      expect(
        Number((await knex('api_sdk_builds').count({ n: '*' }))[0].n),
      ).toBe(0);
      const download = await portal.get(`${LEDGER}/sdks/python/download`);
      expect(download.status).toBe(404);
      expect(download.body.error).toMatchObject({
        name: 'NotFoundError',
        message:
          "No SDK language 'python'; this backend has no SDK generator module",
      });
      expect(
        (await portal.post(`${LEDGER}/sdks/typescript/build`)).status,
      ).toBe(404);
      // Postman collections are the backend's own and stay
      expect((await portal.get(`${LEDGER}/postman`)).status).toBe(200);
    });
  },
);

/** An artifact store in memory, set by a module. */
function memoryStoreModule(moduleId: string, keys: Map<string, Buffer>) {
  const store: SdkArtifactStore = {
    put: async (key, data) => {
      keys.set(key, data);
    },
    get: async key => {
      const data = keys.get(key);
      return data
        ? {
            contentType: 'application/gzip',
            size: data.length,
            stream: Readable.from([data]),
          }
        : undefined;
    },
    has: async key => keys.has(key),
    delete: async key => {
      keys.delete(key);
    },
  };
  return createBackendModule({
    pluginId: 'api-portal',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { artifacts: apiPortalArtifactStoreExtensionPoint },
        async init({ artifacts }) {
          artifacts.setArtifactStore(store);
        },
      });
    },
  });
}

describe.each(databases.eachSupportedId())(
  'SDK artifact stores of the backend on %s',
  databaseId => {
    const entities = () => [
      apiEntity('ledger-api-v2', LEDGER_V2, {
        partner: true,
        family: 'ledger-api',
      }),
    ];

    it('keeps archives in a folder by configuration and builds pending rows at start', async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-store-'));
      try {
        const knex = await databases.init(databaseId);
        const config = {
          sdk: {
            buildAfterCollection: true,
            artifactStore: { type: 'filesystem', path: root },
          },
        };
        const portal = await startPortal({
          knex,
          entities: entities(),
          config,
          features: sdkGeneratorModules,
        });
        await portal.collect();
        const listed = await settled(portal, LEDGER);
        expect(listed.sdks.map((s: any) => s.status)).toEqual([
          'ready',
          'ready',
        ]);
        expect(
          Number((await knex('api_sdk_artifacts').count({ n: '*' }))[0].n),
        ).toBe(0);
        const python = await knex('api_sdk_builds')
          .where('language', 'python')
          .first();
        expect(fs.existsSync(path.join(root, python.artifact_key))).toBe(true);
        const download = await binary(
          portal.get(`${LEDGER}/sdks/python/download`),
        );
        expect(await tarEntries(download.body)).toContain(
          'ledger-api-python/pyproject.toml',
        );

        // A build left pending is built when a backend starts
        await knex('api_sdk_builds')
          .where('language', 'python')
          .update({ status: 'pending', finished_at: null });
        await startPortal({
          knex,
          entities: entities(),
          config,
          features: sdkGeneratorModules,
        });
        const deadline = Date.now() + 60_000;
        let status = 'pending';
        while (status !== 'ready' && Date.now() < deadline) {
          await new Promise(resolve => setTimeout(resolve, 200));
          status = (
            await knex('api_sdk_builds').where('language', 'python').first()
          ).status;
        }
        expect(status).toBe('ready');
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('uses the artifact store a module sets, and refuses a second one', async () => {
      const keys = new Map<string, Buffer>();
      const knex = await databases.init(databaseId);
      const portal = await startPortal({
        knex,
        entities: entities(),
        features: [
          ...sdkGeneratorModules,
          memoryStoreModule('memory-store', keys),
        ],
      });
      await portal.collect();
      await settled(portal, LEDGER);
      expect([...keys.keys()].sort()).toEqual([
        expect.stringMatching(/^sdk\/python\/[^/]+\/[0-9a-f]{64}\.tar\.gz$/),
        expect.stringMatching(
          /^sdk\/typescript\/[^/]+\/[0-9a-f]{64}\.tar\.gz$/,
        ),
      ]);
      const download = await portal.get(`${LEDGER}/sdks/typescript/download`);
      expect(download.status).toBe(200);

      await expect(
        startPortal({
          knex: await databases.init(databaseId),
          entities: entities(),
          features: [
            memoryStoreModule('one-store', new Map()),
            memoryStoreModule('another-store', new Map()),
          ],
        }),
      ).rejects.toThrow(/artifact store is already set/);
    });
  },
);

describe('FilesystemArtifactStore', () => {
  it('keeps, streams and deletes archives below its folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-artifacts-'));
    try {
      const store = new FilesystemArtifactStore(root);
      const key = 'sdk/python/1.0.0/abc123.tar.gz';
      const bytes = Buffer.from([1, 2, 3, 4, 5]);
      expect(await store.has(key)).toBe(false);
      expect(await store.get(key)).toBeUndefined();
      await store.put(key, bytes, { contentType: 'application/gzip' });
      expect(await store.has(key)).toBe(true);
      const artifact = await store.get(key);
      expect(artifact).toMatchObject({
        contentType: 'application/gzip',
        size: 5,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of artifact!.stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(bytes);
      expect(
        fs.existsSync(path.join(root, 'sdk/python/1.0.0/abc123.tar.gz')),
      ).toBe(true);
      await store.delete(key);
      await store.delete(key);
      expect(await store.has(key)).toBe(false);
      await expect(
        store.put('../escape.tar.gz', bytes, { contentType: 'x' }),
      ).rejects.toThrow(/Invalid artifact key/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
