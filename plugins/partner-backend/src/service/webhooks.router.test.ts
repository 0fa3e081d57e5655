import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  audiencePermissionsServiceFactory,
  createStoreTestDatabases,
  restrictedServicesHttpAuthFactory,
  SAMPLE_CALLERS,
  sampleUserInfoServiceFactory,
  serviceHeader,
} from '@readiness/backend-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import http, { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { partnerPlugin, WEBHOOK_DELIVERY_TASK_ID } from '../plugin';

const databases = createStoreTestDatabases();

const callers = {
  internal: SAMPLE_CALLERS.internal,
  acme: SAMPLE_CALLERS.partner,
  globex: mockCredentials.user.header('user:default/kenji.sato'),
  anonymous: SAMPLE_CALLERS.anonymous,
  ci: SAMPLE_CALLERS.service,
  /** The platform's token: partner.event.push only. */
  platform: serviceHeader('event-pusher', 'partner'),
  gateway: serviceHeader('sandbox-gateway', 'partner'),
};

const MISSING = '00000000-0000-4000-8000-000000000000';

function apiEntity(name: string, partner: boolean, webhooks: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name,
      namespace: 'default',
      annotations: partner ? { 'readiness.dev/audience': 'Partner' } : {},
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'team-a',
      definition: [
        'openapi: 3.1.0',
        'info: { title: x, version: 1.0.0 }',
        'webhooks:',
        ...webhooks.map(w => `  ${w}:\n    post:\n      summary: When ${w}`),
      ].join('\n'),
    },
  };
}

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'partner webhooks over HTTP on %s',
  databaseId => {
    let server: Server;
    let receiver: http.Server;
    let receiverPort: number;
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> =
      [];
    const scheduler = mockServices.scheduler.mock();
    const deliverDue = async () => {
      const task = scheduler.scheduleTask.mock.calls.find(
        ([t]) => t.id === WEBHOOK_DELIVERY_TASK_ID,
      )![0];
      await task.fn(new AbortController().signal);
    };

    beforeAll(async () => {
      receiver = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', c => chunks.push(c));
        req.on('end', () => {
          received.push({
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          res.writeHead(req.url === '/fails' ? 500 : 200).end('thanks');
        });
      });
      await new Promise<void>(r => receiver.listen(0, '127.0.0.1', r));
      receiverPort = (receiver.address() as AddressInfo).port;

      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          partnerPlugin,
          scheduler.factory,
          catalogServiceMock.factory({
            entities: [
              apiEntity('filings-api', true, [
                'filing.accepted',
                'document.processed',
              ]),
              apiEntity('ocr-internal-api', false, ['ocr.internal-retrained']),
            ],
          }),
          audiencePermissionsServiceFactory(),
          sampleUserInfoServiceFactory(),
          restrictedServicesHttpAuthFactory({
            'event-pusher': ['partner.event.push'],
            'sandbox-gateway': ['partner.key.verify'],
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              partner: {
                limits: { endpointsPerApp: 3 },
                webhooks: {
                  eventTypes: ['platform.ping'],
                  maxPayloadBytes: 1024,
                  delivery: {
                    attempts: 2,
                    initialBackoff: { milliseconds: 1 },
                    maxBackoff: { milliseconds: 2 },
                    timeout: { seconds: 2 },
                  },
                  network: {
                    allowedCidrs: ['127.0.0.1/32'],
                    allowHttp: true,
                  },
                },
              },
            },
          }),
        ],
      }));
    });

    afterAll(async () => {
      receiver.closeAllConnections();
      await new Promise(r => receiver.close(r));
    });

    const as = (caller: keyof typeof callers) => {
      const call =
        (method: 'get' | 'post' | 'patch' | 'delete') =>
        (path: string, body?: object) => {
          const req = request(server)
            [method](`/api/partner${path}`)
            .set('Authorization', callers[caller]);
          return body === undefined ? req : req.send(body);
        };
      return {
        get: call('get'),
        post: (path: string, body: object = {}) => call('post')(path, body),
        patch: call('patch'),
        delete: call('delete'),
      };
    };

    let appId: string;
    let endpoint: { id: string; url: string };
    let secret: string;
    const base = () => `/v1/apps/${appId}/webhooks`;
    const pushKey = `${databaseId}-push-1`;

    it('offers the event types of partner-facing API definitions, and configured ones', async () => {
      const res = await as('acme').get('/v1/webhooks/event-types');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          type: 'document.processed',
          summary: 'When document.processed',
          source: 'api:default/filings-api',
        },
        {
          type: 'filing.accepted',
          summary: 'When filing.accepted',
          source: 'api:default/filings-api',
        },
        { type: 'platform.ping', source: 'config' },
      ]);
      expect(
        (await as('anonymous').get('/v1/webhooks/event-types')).status,
      ).toBe(401);
      expect(
        (await as('platform').get('/v1/webhooks/event-types')).status,
      ).toBe(403);
    });

    it('creates an endpoint with its secret shown once', async () => {
      appId = (await as('acme').post('/v1/apps', { name: 'Hooks' })).body.id;
      const created = await as('acme').post(base(), {
        url: `http://receiver.localhost.test:${receiverPort}/hook`.replace(
          'receiver.localhost.test',
          '127.0.0.1',
        ),
        eventTypes: ['filing.accepted', 'document.processed'],
        description: 'Practice sync',
      });
      expect(created.status).toBe(201);
      ({ endpoint, secret } = created.body);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(created.body.endpoint).toMatchObject({
        org: 'acme',
        status: 'active',
        eventTypes: ['document.processed', 'filing.accepted'],
        secretHint: `${secret.slice(0, 10)}…`,
        consecutiveFailures: 0,
      });
      const listed = await as('acme').get(base());
      expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([
        endpoint.id,
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(10));
      const admin = await as('internal').get(`${base()}/${endpoint.id}`);
      expect(admin.status).toBe(200);
    });

    it('names the field of bad endpoint input', async () => {
      const cases: Array<[object, RegExp]> = [
        [
          { url: 'not a url', eventTypes: ['filing.accepted'] },
          /^url: not a valid absolute URL/,
        ],
        [
          { url: 'ftp://hooks.example.com/x', eventTypes: ['filing.accepted'] },
          /^url: must use https \(got ftp\)/,
        ],
        [
          {
            url: 'https://user:pw@hooks.example.com/',
            eventTypes: ['filing.accepted'],
          },
          /^url: must not hold a user name/,
        ],
        [
          { url: 'https://10.0.0.8/hook', eventTypes: ['filing.accepted'] },
          /^url: 10.0.0.8 is a private address/,
        ],
        [
          { url: 'https://[fd00:ec2::254]/', eventTypes: ['filing.accepted'] },
          /^url: \[fd00:ec2::254\] is a cloud metadata address/,
        ],
        [
          {
            url: 'https://169.254.169.254/latest',
            eventTypes: ['filing.accepted'],
          },
          /^url: 169.254.169.254 is a cloud metadata address/,
        ],
        [
          {
            url: 'https://hooks.example.com/',
            eventTypes: ['ocr.internal-retrained'],
          },
          /^eventTypes: unknown event type "ocr.internal-retrained"/,
        ],
        [
          { url: 'https://hooks.example.com/', eventTypes: [] },
          /^eventTypes: expected a list/,
        ],
        [
          {
            url: 'https://hooks.example.com/',
            eventTypes: ['filing.accepted'],
            secret: 'x',
          },
          /^secret: unknown field/,
        ],
      ];
      for (const [body, message] of cases) {
        const res = await as('acme').post(base(), body);
        expect({
          body,
          status: res.status,
          message: res.body.error.message,
        }).toEqual({
          body,
          status: 400,
          message: expect.stringMatching(message),
        });
      }
      const huge = await as('acme').post(base(), {
        url: 'https://hooks.example.com/',
        eventTypes: ['filing.accepted'],
        description: 'y'.repeat(20_000),
      });
      expect(huge.status).toBe(413);
    });

    it("answers another org's endpoints and deliveries exactly like missing ones", async () => {
      const paths: Array<['get' | 'post' | 'patch' | 'delete', string]> = [
        ['get', base()],
        ['get', `${base()}/${endpoint.id}`],
        ['patch', `${base()}/${endpoint.id}`],
        ['delete', `${base()}/${endpoint.id}`],
        ['post', `${base()}/${endpoint.id}/rotate-secret`],
        ['get', `${base()}/${endpoint.id}/deliveries`],
        ['post', `${base()}/${endpoint.id}/replay`],
      ];
      for (const [method, path] of paths) {
        let body: object | undefined;
        if (method === 'post') body = { since: '2026-01-01T00:00:00Z' };
        if (method === 'patch') body = { enabled: false };
        const hidden = await (as('globex') as any)[method](path, body);
        const missing = await (as('globex') as any)[method](
          path.replace(appId, MISSING),
          body,
        );
        expect([path, hidden.status]).toEqual([path, 404]);
        expect(hidden.body.error.message.replace(appId, '<id>')).toBe(
          missing.body.error.message.replace(MISSING, '<id>'),
        );
      }
      // the endpoint is untouched
      expect(
        (await as('acme').get(`${base()}/${endpoint.id}`)).body.status,
      ).toBe('active');
    });

    it('takes events from the platform only, idempotently, within the limits', async () => {
      const event = {
        idempotencyKey: pushKey,
        appId,
        type: 'filing.accepted',
        payload: { filingId: 'fil_1', acceptedAt: '2026-12-01T10:00:00Z' },
      };
      const first = await as('platform').post('/v1/events', event);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ created: true, deliveries: 1 });
      expect(first.body.event).toMatchObject({
        org: 'acme',
        pushedBy: 'event-pusher',
      });
      const again = await as('platform').post('/v1/events', event);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: false, deliveries: 0 });
      expect(again.body.event.id).toBe(first.body.event.id);

      const conflict = await as('platform').post('/v1/events', {
        ...event,
        payload: { filingId: 'fil_2' },
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.message).toMatch(/^idempotencyKey: /);
      const unknown = await as('platform').post('/v1/events', {
        ...event,
        idempotencyKey: 'k2',
        type: 'ocr.internal-retrained',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(
        /^type: unknown event type "ocr.internal-retrained"/,
      );
      const large = await as('platform').post('/v1/events', {
        ...event,
        idempotencyKey: 'k3',
        payload: { text: 'z'.repeat(2000) },
      });
      expect(large.status).toBe(413);
      expect(large.body.error.message).toMatch(/^payload: /);
      const huge = await as('platform').post('/v1/events', {
        ...event,
        idempotencyKey: 'k4',
        payload: { text: 'z'.repeat(10_000) },
      });
      expect(huge.status).toBe(413);
      const noApp = await as('platform').post('/v1/events', {
        ...event,
        idempotencyKey: 'k5',
        appId: MISSING,
      });
      expect(noApp.status).toBe(404);
      const extra = await as('platform').post('/v1/events', {
        ...event,
        idempotencyKey: 'k6',
        org: 'acme',
      });
      expect(extra.body.error.message).toMatch(/^org: unknown field/);

      for (const caller of ['acme', 'internal', 'gateway', 'ci'] as const) {
        const res = await as(caller).post('/v1/events', {
          ...event,
          idempotencyKey: 'k7',
        });
        expect([caller, res.status]).toEqual([
          caller,
          caller === 'ci' ? 201 : 403,
        ]);
      }
      expect((await as('anonymous').post('/v1/events', event)).status).toBe(
        401,
      );
    });

    it('delivers signed events, logs them, and replays one or all since a time', async () => {
      await deliverDue();
      expect(received).toHaveLength(2);
      const signer = new Webhook(secret);
      for (const r of received) {
        expect(() =>
          signer.verify(r.body, r.headers as Record<string, string>),
        ).not.toThrow();
      }
      const log = await as('acme').get(`${base()}/${endpoint.id}/deliveries`);
      expect(log.status).toBe(200);
      expect(log.body.items).toHaveLength(2);
      expect(
        log.body.items.every(
          (d: { status: string }) => d.status === 'succeeded',
        ),
      ).toBe(true);
      const deliveryId = log.body.items[1].id;
      const detail = await as('acme').get(
        `${base()}/${endpoint.id}/deliveries/${deliveryId}`,
      );
      expect(detail.status).toBe(200);
      expect(detail.body.request.url).toBe(endpoint.url);
      expect(detail.body.request.headers['webhook-id']).toBe(
        detail.body.eventId,
      );
      expect(detail.body.request.headers).not.toHaveProperty(
        'webhook-signature',
      );
      expect(JSON.parse(detail.body.request.body).type).toBe(
        detail.body.eventType,
      );
      expect(detail.body.attemptLog).toEqual([
        expect.objectContaining({
          attempt: 1,
          responseStatus: 200,
          responseBody: 'thanks',
        }),
      ]);

      const foreign = await as('globex').post(
        `${base()}/${endpoint.id}/deliveries/${deliveryId}/replay`,
      );
      expect(foreign.status).toBe(404);
      const replay = await as('acme').post(
        `${base()}/${endpoint.id}/deliveries/${deliveryId}/replay`,
      );
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({
        status: 'pending',
        replayOf: deliveryId,
      });
      const since = await as('acme').post(`${base()}/${endpoint.id}/replay`, {
        since: '2026-01-01T00:00:00Z',
      });
      expect(since.status).toBe(201);
      expect(since.body).toEqual({ replayed: 2, more: false });
      const onlyFailed = await as('acme').post(
        `${base()}/${endpoint.id}/replay`,
        {
          since: '2026-01-01T00:00:00Z',
          onlyFailed: true,
        },
      );
      expect(onlyFailed.body).toEqual({ replayed: 0, more: false });
      const badSince = await as('acme').post(
        `${base()}/${endpoint.id}/replay`,
        { since: 'yesterday' },
      );
      expect(badSince.status).toBe(400);
      expect(badSince.body.error.message).toMatch(/^since: /);
      await deliverDue();
      expect(received).toHaveLength(5);
      const pending = await as('acme').get(
        `${base()}/${endpoint.id}/deliveries?status=pending`,
      );
      expect(pending.body.items).toEqual([]);
    });

    it('rotates the secret, disables, enables and deletes an endpoint', async () => {
      const rotated = await as('acme').post(
        `${base()}/${endpoint.id}/rotate-secret`,
      );
      expect(rotated.status).toBe(201);
      expect(rotated.body.secret).not.toBe(secret);
      expect(rotated.body.endpoint.previousSecretExpiresAt).toBeDefined();

      const off = await as('acme').patch(`${base()}/${endpoint.id}`, {
        enabled: false,
      });
      expect(off.body).toMatchObject({
        status: 'disabled',
        disabledReason: 'disabled by user:default/maria.lopez',
      });
      const refused = await as('acme').post(`${base()}/${endpoint.id}/replay`, {
        since: '2026-01-01T00:00:00Z',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(
        /^endpointId: the endpoint is disabled/,
      );
      const on = await as('acme').patch(`${base()}/${endpoint.id}`, {
        enabled: true,
        eventTypes: ['platform.ping'],
      });
      expect(on.body).toMatchObject({
        status: 'active',
        eventTypes: ['platform.ping'],
      });

      const deleted = await as('acme').delete(`${base()}/${endpoint.id}`);
      expect(deleted.status).toBe(200);
      expect((await as('acme').get(`${base()}/${endpoint.id}`)).status).toBe(
        404,
      );
      expect((await as('acme').get(base())).body.items).toEqual([]);
    });

    it('holds the limit of endpoints per app', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await as('acme').post(base(), {
          url: `https://hooks${i}.example.com/`,
          eventTypes: ['platform.ping'],
        });
        expect(res.status).toBe(201);
      }
      const over = await as('acme').post(base(), {
        url: 'https://hooks9.example.com/',
        eventTypes: ['platform.ping'],
      });
      expect(over.status).toBe(409);
      expect(over.body.error.message).toMatch(/limit/);
    });
  },
);
