/*
 * The real TechDocs and catalog backends with the audience policy, serving
 * docs that were already published to a local folder: a partner may read the
 * docs of their own User entity, never the portal's internal docs, however
 * the path is spelled.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import techdocsPlugin from '@backstage/plugin-techdocs-backend';
import { audiencePermissionsServiceFactory } from '@readiness/backend-test-utils';
import pathGuardModule from './module';

const root = path.resolve(__dirname, '../../..');
const INTERNAL_MARKER = 'INTERNAL-PORTAL-DOCS-7f3a';
const PARTNER_MARKER = 'maria-lopez-docs-2b91';
const partner = mockCredentials.user.header('user:default/maria.lopez');
const internal = mockCredentials.user.header('user:default/guest');

function publishDocs(dir: string) {
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  for (const [entity, marker] of [
    ['default/system/readiness-portal', INTERNAL_MARKER],
    ['default/user/maria.lopez', PARTNER_MARKER],
  ]) {
    write(`${entity}/index.html`, `<html><body>${marker}</body></html>`);
    write(`${entity}/guide/index.html`, `<p>${marker} guide</p>`);
    write(`${entity}/search/search_index.json`, `{"docs":["${marker}"]}`);
    write(
      `${entity}/techdocs_metadata.json`,
      JSON.stringify({ site_name: marker, files: ['index.html'] }),
    );
  }
}

// Ways to climb from maria.lopez's folder into the portal's
const CLIMBS = [
  '..%2F..%2Fsystem%2Freadiness-portal/index.html',
  '..%2f..%2fsystem%2freadiness-portal/index.html',
  '%2e%2e%2F%2e%2e%2Fsystem%2Freadiness-portal/index.html',
  '.%2E/.%2E/system/readiness-portal/index.html',
  '..%5C..%5Csystem%5Creadiness-portal%5Cindex.html',
  '..\\..\\system\\readiness-portal\\index.html',
  '..%252F..%252Fsystem%252Freadiness-portal/index.html',
  '%252e%252e%252f%252e%252e%252fsystem%252freadiness-portal/index.html',
  '%25252e%25252e%25252fsystem/index.html',
  '..%2F..%5Csystem/readiness-portal/index.html',
  'guide/..%2F..%2F..%2Fsystem%2Freadiness-portal/index.html',
  '..%2F..%2Fsystem%2Freadiness-portal/search/search_index.json',
  '..%2F..%2Fsystem%2Freadiness-portal/techdocs_metadata.json',
  // Fullwidth full stops and solidus fold (NFKC) to ../
  '%EF%BC%8E%EF%BC%8E%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8Fsystem/index.html',
  // Two-dot leader folds to ..
  '%E2%80%A5%2F%E2%80%A5%2Fsystem%2Freadiness-portal/index.html',
  '..%2F..%2Fsystem%2Freadiness-portal%00/index.html',
  '..%c0%af..%c0%afsystem/index.html',
];

describe('the TechDocs docs path guard', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let publishDirectory: string;

  beforeAll(async () => {
    publishDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'techdocs-'));
    publishDocs(publishDirectory);
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        techdocsPlugin,
        pathGuardModule,
        audiencePermissionsServiceFactory(),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            techdocs: {
              builder: 'external',
              publisher: { type: 'local', local: { publishDirectory } },
            },
            catalog: {
              rules: [
                {
                  allow: [
                    'System',
                    'Component',
                    'API',
                    'Resource',
                    'User',
                    'Group',
                    'Location',
                  ],
                },
              ],
              processingInterval: { seconds: 1 },
              locations: [
                { type: 'file', target: path.join(root, 'catalog/org.yaml') },
                { type: 'file', target: path.join(root, 'catalog-info.yaml') },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await request(server)
        .get('/api/catalog/entities/by-name/system/default/readiness-portal')
        .set('Authorization', internal);
      const user = await request(server)
        .get('/api/catalog/entities/by-name/user/default/maria.lopez')
        .set('Authorization', internal);
      if (response.status === 200 && user.status === 200) break;
      if (Date.now() > deadline)
        throw new Error(
          `catalog not ingested: ${response.status} ${response.text} ${user.status}`,
        );
      await new Promise(r => setTimeout(r, 300));
    }
  }, 90_000);

  afterAll(() => {
    fs.rmSync(publishDirectory, { recursive: true, force: true });
  });

  // Sent exactly as written: clients built on WHATWG URLs would turn
  // backslashes into slashes and resolve dot segments before sending
  const rawGet = (url: string, auth: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const call = http.request(
        {
          host: '127.0.0.1',
          port,
          path: url,
          headers: { Authorization: auth },
        },
        response => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', chunk => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text }),
          );
        },
      );
      call.on('error', reject);
      call.end();
    });
  const docs = (rest: string, auth: string) =>
    rawGet(`/api/techdocs/static/docs/default/user/maria.lopez/${rest}`, auth);

  it('serves a partner the docs of an entity they may read', async () => {
    for (const rest of ['index.html', 'guide/index.html', 'guide/']) {
      const response = await docs(rest, partner);
      expect(response.status).toBe(200);
      expect(response.text).toContain(PARTNER_MARKER);
    }
  });

  it('answers a partner 404 for internal docs asked for directly', async () => {
    const response = await request(server)
      .get(
        '/api/techdocs/static/docs/default/system/readiness-portal/index.html',
      )
      .set('Authorization', partner);
    expect(response.status).toBe(404);
    expect(response.text).not.toContain(INTERNAL_MARKER);
  });

  it.each(CLIMBS)('refuses the climb %s', async climb => {
    for (const auth of [partner, internal]) {
      const response = await docs(climb, auth);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain(INTERNAL_MARKER);
    }
  });

  it('refuses entity segments that are not one plain name', async () => {
    for (const url of [
      '/api/techdocs/static/docs/default/user/maria.lopez%2F..%2F..%2Fsystem%2Freadiness-portal/index.html',
      '/api/techdocs/static/docs/default/user%2F..%2Fsystem/readiness-portal/index.html',
      '/api/techdocs/metadata/techdocs/default/user/maria.lopez%2F..%2F..%2Fsystem%2Freadiness-portal',
      '/api/techdocs/metadata/entity/default/user/..%2F..%2Fsystem%2Freadiness-portal',
      `/api/techdocs/static/docs/default/user/${'a'.repeat(300)}/index.html`,
    ]) {
      const response = await rawGet(url, partner);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain(INTERNAL_MARKER);
    }
  });

  it('still serves internal users the portal docs', async () => {
    const response = await request(server)
      .get(
        '/api/techdocs/static/docs/default/system/readiness-portal/index.html',
      )
      .set('Authorization', internal);
    expect(response.status).toBe(200);
    expect(response.text).toContain(INTERNAL_MARKER);
  });
});
