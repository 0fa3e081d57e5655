import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
  restrictedServicesHttpAuthFactory,
  SAMPLE_CALLERS,
  sampleUserInfoServiceFactory,
  serviceHeader,
} from '@readiness/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';
import { partnerPlugin } from '../plugin';

const databases = createStoreTestDatabases();

const callers = {
  internal: SAMPLE_CALLERS.internal,
  acme: SAMPLE_CALLERS.partner,
  globex: mockCredentials.user.header('user:default/kenji.sato'),
  anonymous: SAMPLE_CALLERS.anonymous,
  /** A service token without restrictions. */
  ci: SAMPLE_CALLERS.service,
  /** The sandbox gateway's token: partner.key.verify only. */
  gateway: serviceHeader('sandbox-gateway', 'partner'),
  /** Another restricted token, which may not verify keys. */
  drPublisher: serviceHeader('dr-publisher', 'partner'),
};

const UNKNOWN_APP = '00000000-0000-4000-8000-000000000000';

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'partner apps and keys on %s',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          partnerPlugin,
          catalogServiceMock.factory({ entities: [] }),
          audiencePermissionsServiceFactory(),
          sampleUserInfoServiceFactory(),
          restrictedServicesHttpAuthFactory({
            'sandbox-gateway': ['partner.key.verify'],
            'dr-publisher': ['reliability.drill.publish'],
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              partner: {
                sandbox: { rotationOverlap: { hours: 2 } },
                limits: {
                  appsPerOrg: 2,
                  activeKeysPerApp: 2,
                  orgs: { globex: { appsPerOrg: 3 } },
                },
              },
            },
          }),
        ],
      }));
    });

    const api = () => request(server);
    const as = (caller: keyof typeof callers) => ({
      get: (path: string) =>
        api().get(`/api/partner${path}`).set('Authorization', callers[caller]),
      post: (path: string, body: object = {}) =>
        api()
          .post(`/api/partner${path}`)
          .set('Authorization', callers[caller])
          .send(body),
    });

    let acmeApp: { id: string; org: string };

    it('lets a partner create an app for their own org, and nobody else see it', async () => {
      const created = await as('acme').post('/v1/apps', {
        name: 'Acme invoicing sync',
        description: 'Pushes invoices into the filing sandbox',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        org: 'acme',
        name: 'Acme invoicing sync',
        createdBy: 'user:default/maria.lopez',
      });
      acmeApp = created.body;

      const own = await as('acme').get('/v1/apps');
      expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([
        acmeApp.id,
      ]);
      const other = await as('globex').get('/v1/apps');
      expect(other.status).toBe(200);
      expect(other.body.items).toEqual([]);
      const filtered = await as('globex').get('/v1/apps?org=acme');
      expect(filtered.body.items).toEqual([]);

      // another org's app reads exactly like one that does not exist
      const hidden = await as('globex').get(`/v1/apps/${acmeApp.id}`);
      const missing = await as('globex').get(`/v1/apps/${UNKNOWN_APP}`);
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(hidden.body.error.name).toBe(missing.body.error.name);
      expect(hidden.body.error.message.replace(acmeApp.id, '<id>')).toBe(
        missing.body.error.message.replace(UNKNOWN_APP, '<id>'),
      );
    });

    it('shows internal administrators every org, and refuses anonymous and service callers', async () => {
      const all = await as('internal').get('/v1/apps?org=acme');
      expect(all.status).toBe(200);
      expect(all.body.items.map((a: { id: string }) => a.id)).toContain(
        acmeApp.id,
      );
      expect((await as('anonymous').get('/v1/apps')).status).toBe(401);
      expect((await as('ci').get('/v1/apps')).status).toBe(403);
      expect(
        (await as('anonymous').post('/v1/apps', { name: 'x' })).status,
      ).toBe(401);
      // an administrator names the org; a partner may not name another
      expect(
        (await as('internal').post('/v1/apps', { name: 'no org' })).body.error
          .message,
      ).toMatch(/^org: required/);
      const foreign = await as('acme').post('/v1/apps', {
        name: 'not mine',
        org: 'globex',
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.message).toMatch(/^org: /);
    });

    it('holds the org limits and unique names, per org', async () => {
      const dup = await as('acme').post('/v1/apps', {
        name: 'Acme invoicing sync',
      });
      expect(dup.status).toBe(409);
      expect(dup.body.error.message).toMatch(/^name: /);
      expect(
        (await as('acme').post('/v1/apps', { name: 'Second' })).status,
      ).toBe(201);
      const over = await as('acme').post('/v1/apps', { name: 'Third' });
      expect(over.status).toBe(409);
      expect(over.body.error.message).toMatch(/limit/);
      // Globex has a limit of its own, and the same names are free there
      for (const name of ['Acme invoicing sync', 'Second', 'Third']) {
        expect((await as('globex').post('/v1/apps', { name })).status).toBe(
          201,
        );
      }
    });

    it('shows a key once, lists it without its secret, and the gateway verifies it', async () => {
      const created = await as('acme').post(`/v1/apps/${acmeApp.id}/keys`, {
        name: 'staging',
        scopes: ['sandbox.read'],
        expiresInDays: 30,
      });
      expect(created.status).toBe(201);
      const { secret, key } = created.body;
      expect(secret).toMatch(/^rpsk_[a-z2-9]{10}_[A-Za-z0-9_-]{43}$/);
      expect(secret.startsWith(`${key.prefix}_`)).toBe(true);
      expect(key).toMatchObject({ status: 'active', scopes: ['sandbox.read'] });

      const listed = await as('acme').get(`/v1/apps/${acmeApp.id}/keys`);
      expect(JSON.stringify(listed.body)).not.toContain(
        secret.slice(key.prefix.length + 1),
      );
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).not.toHaveProperty('secretHash');

      const verified = await as('gateway').post('/v1/keys/verify', {
        key: secret,
      });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({
        valid: true,
        appId: acmeApp.id,
        org: 'acme',
        scopes: ['sandbox.read'],
      });
      for (const wrong of [
        `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
        `rpsk_aaaaaaaaaa_${'A'.repeat(43)}`,
        'not a key',
      ]) {
        const res = await as('gateway').post('/v1/keys/verify', { key: wrong });
        expect(res.body).toEqual({ valid: false });
      }
      // only the gateway's permission verifies, never a person
      for (const caller of ['acme', 'internal', 'drPublisher'] as const) {
        expect(
          (await as(caller).post('/v1/keys/verify', { key: secret })).status,
        ).toBe(403);
      }
      expect(
        (await as('anonymous').post('/v1/keys/verify', { key: secret })).status,
      ).toBe(401);
    });

    it("keeps another org's keys out of reach for every action", async () => {
      const created = await as('acme').post(`/v1/apps/${acmeApp.id}/keys`, {});
      const keyId = created.body.key.id;
      for (const path of [
        `/v1/apps/${acmeApp.id}/keys`,
        `/v1/apps/${acmeApp.id}/keys/${keyId}/revoke`,
        `/v1/apps/${acmeApp.id}/keys/${keyId}/rotate`,
      ]) {
        expect((await as('globex').post(path, {})).status).toBe(404);
      }
      expect(
        (await as('globex').get(`/v1/apps/${acmeApp.id}/keys`)).status,
      ).toBe(404);
      // still active: nothing the other org tried changed it
      const keys = await as('acme').get(`/v1/apps/${acmeApp.id}/keys`);
      expect(
        keys.body.items.find((k: { id: string }) => k.id === keyId).status,
      ).toBe('active');
    });

    it('revokes a key at once, and rotates one with an overlap', async () => {
      const keys = (await as('acme').get(`/v1/apps/${acmeApp.id}/keys`)).body
        .items;
      expect(keys).toHaveLength(2);
      // the app is at its limit of active keys
      const over = await as('acme').post(`/v1/apps/${acmeApp.id}/keys`, {});
      expect(over.status).toBe(409);

      const revoked = await as('acme').post(
        `/v1/apps/${acmeApp.id}/keys/${keys[0].id}/revoke`,
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        status: 'revoked',
        revokedBy: 'user:default/maria.lopez',
      });
      const again = await as('acme').post(
        `/v1/apps/${acmeApp.id}/keys/${keys[0].id}/revoke`,
      );
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

      const rotated = await as('acme').post(
        `/v1/apps/${acmeApp.id}/keys/${keys[1].id}/rotate`,
      );
      expect(rotated.status).toBe(201);
      expect(rotated.body.previous).toMatchObject({
        id: keys[1].id,
        status: 'active',
        rotatedTo: rotated.body.key.id,
      });
      const overlapEnds = Date.parse(rotated.body.previous.expiresAt);
      expect(overlapEnds - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
      expect(overlapEnds - Date.now()).toBeGreaterThan(3600_000);
      const twice = await as('acme').post(
        `/v1/apps/${acmeApp.id}/keys/${keys[1].id}/rotate`,
      );
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toMatch(/^keyId: .*already rotated/);
      const verified = await as('gateway').post('/v1/keys/verify', {
        key: rotated.body.secret,
      });
      expect(verified.body.valid).toBe(true);
    });

    it('names the field of bad input, and refuses oversized bodies', async () => {
      const path = `/v1/apps/${acmeApp.id}/keys`;
      const scope = await as('acme').post(path, { scopes: ['admin'] });
      expect(scope.status).toBe(400);
      expect(scope.body.error.message).toMatch(/^scopes: .*"admin"/);
      const days = await as('acme').post(path, { expiresInDays: 5000 });
      expect(days.status).toBe(400);
      expect(days.body.error.message).toMatch(/^expiresInDays: /);
      const extra = await as('acme').post('/v1/apps', {
        name: 'x',
        owner: 'me',
      });
      expect(extra.status).toBe(400);
      expect(extra.body.error.message).toMatch(/^owner: unknown field/);
      const blank = await as('acme').post('/v1/apps', { name: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.message).toMatch(/^name: /);
      const huge = await as('acme').post('/v1/apps', {
        name: 'x',
        description: 'y'.repeat(20_000),
      });
      expect(huge.status).toBe(413);
    });
  },
);
