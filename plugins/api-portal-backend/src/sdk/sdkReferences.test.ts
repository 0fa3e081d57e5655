import { createBackendModule } from '@backstage/backend-plugin-api';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import {
  apiPortalSdkGeneratorsExtensionPoint,
  SdkGenerator,
} from '@readiness/plugin-api-portal-node';
import { Knex } from 'knex';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import {
  apiEntity,
  sdkGeneratorModules,
  startPortal,
  TestPortal,
} from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Builds run the real generators (TypeScript in a child Node.js process)
jest.setTimeout(120_000);

const MARKER = 'READINESS_MARKER_5e21c8';

/** A small API named `name` whose `Secret` schema is the given $ref. */
function referring(name: string, ref: string): string {
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    servers: [{ url: 'https://leaky.example.org' }],
    paths: {
      '/secret': {
        get: {
          operationId: 'getSecret',
          summary: 'The secret',
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Secret' },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: { Secret: { $ref: ref } } },
  });
}

/** The specs a generator added by a module was given. */
const givenToModule: object[] = [];

const recordingGenerator: SdkGenerator = {
  language: 'recording',
  displayName: 'Recording',
  version: '1',
  async generate({ spec }) {
    givenToModule.push(spec);
    return [{ path: 'README.md', content: JSON.stringify(spec) }];
  },
};

const recordingGeneratorModule = createBackendModule({
  pluginId: 'api-portal',
  moduleId: 'sdk-recording',
  register(env) {
    env.registerInit({
      deps: { generators: apiPortalSdkGeneratorsExtensionPoint },
      async init({ generators }) {
        generators.addGenerator(recordingGenerator);
      },
    });
  },
});

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
  'SDKs and Postman collections of definitions with external $refs on %s',
  databaseId => {
    let dir: string;
    let markerFile: string;
    let server: http.Server;
    let requests: string[];
    let remote: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-refs-'));
      markerFile = path.join(dir, 'secret.json');
      const schema = JSON.stringify({
        type: 'object',
        description: MARKER,
        properties: { [MARKER]: { type: 'string' } },
      });
      fs.writeFileSync(markerFile, schema);
      requests = [];
      server = http.createServer((req, res) => {
        requests.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(schema);
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      remote = `http://127.0.0.1:${
        (server.address() as AddressInfo).port
      }/secret.json`;
    });

    afterAll(async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await new Promise(resolve => server.close(resolve));
    });

    beforeEach(() => {
      requests.length = 0;
      givenToModule.length = 0;
    });

    const cases = () => [
      { name: 'file-path-api', ref: markerFile },
      { name: 'file-url-api', ref: pathToFileURL(markerFile).href },
      { name: 'loopback-api', ref: remote },
    ];

    /** No archive the portal keeps holds the marker. */
    async function expectNoMarkerInArchives(knex: Knex) {
      const archives = await knex('api_sdk_artifacts');
      for (const row of archives) {
        const bytes = Object.values(row).find(Buffer.isBuffer) as Buffer;
        expect(zlib.gunzipSync(bytes).toString('latin1')).not.toContain(MARKER);
      }
    }

    async function start(lint: { allowRemoteRefs: boolean }) {
      const knex = await databases.init(databaseId);
      const portal = await startPortal({
        knex,
        entities: cases().map(c => apiEntity(c.name, referring(c.name, c.ref))),
        config: { sdk: { buildAfterCollection: true }, lint },
        features: [...sdkGeneratorModules, recordingGeneratorModule],
      });
      await portal.collect();
      return { knex, portal };
    }

    it('fails each build and collection naming the $ref and its place, and reads nothing', async () => {
      const { knex, portal } = await start({ allowRemoteRefs: false });
      for (const { name, ref } of cases()) {
        const entity = `/v1/entities/api/default/${name}`;
        const listed = await settled(portal, entity);
        expect(listed.sdks.map((s: any) => [s.language, s.status])).toEqual([
          ['typescript', 'failed'],
          ['python', 'failed'],
          ['recording', 'failed'],
        ]);
        for (const sdk of listed.sdks) {
          expect(sdk.log).toContain(`$ref ${ref} not `);
          expect(sdk.log).toContain('(at #/components/schemas/Secret)');
          expect(sdk.log).not.toContain(MARKER);
          const download = await portal.get(
            `${entity}/sdks/${sdk.language}/download`,
          );
          expect(download.status).toBe(409);
        }
        const postman = await portal.get(`${entity}/postman`);
        expect(postman.status).toBe(400);
        expect(postman.body.error.name).toBe('InputError');
        expect(postman.body.error.message).toContain(`$ref ${ref} not `);
        expect(postman.body.error.message).toContain(
          '(at #/components/schemas/Secret)',
        );
        expect(JSON.stringify(postman.body)).not.toContain(MARKER);
      }
      expect(
        (await settled(portal, '/v1/entities/api/default/loopback-api')).sdks[0]
          .log,
      ).toContain('not fetched (apiPortal.lint.allowRemoteRefs is false)');
      // A generator added by a module is never given such a definition either
      expect(givenToModule).toEqual([]);
      await expectNoMarkerInArchives(knex);
      expect(requests).toEqual([]);
    });

    it('fetches no loopback $ref when remote refs are allowed', async () => {
      const { knex, portal } = await start({ allowRemoteRefs: true });
      const listed = await settled(
        portal,
        '/v1/entities/api/default/loopback-api',
      );
      for (const sdk of listed.sdks) {
        expect(sdk.status).toBe('failed');
        expect(sdk.log).toContain(
          `remote $ref ${remote} not fetched: 127.0.0.1 is a loopback address (at #/components/schemas/Secret)`,
        );
      }
      const postman = await portal.get(
        '/v1/entities/api/default/loopback-api/postman',
      );
      expect(postman.status).toBe(400);
      expect(postman.body.error.message).toContain(
        '127.0.0.1 is a loopback address',
      );
      // Files stay unread even so
      const file = await settled(
        portal,
        '/v1/entities/api/default/file-url-api',
      );
      expect(file.sdks.map((s: any) => s.status)).toEqual([
        'failed',
        'failed',
        'failed',
      ]);
      expect(givenToModule).toEqual([]);
      await expectNoMarkerInArchives(knex);
      expect(requests).toEqual([]);
    });
  },
);
