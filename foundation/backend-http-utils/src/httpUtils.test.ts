import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import {
  createAuditedRunner,
  createAuditedWriteHandlers,
  createdOrExisting,
  createCallerCredentials,
  createWriteGuard,
  entityReadHandler,
  entityRefOfPath,
  optionalNumber,
  withJsonBodies,
} from './index';

function appWith(router: express.Router) {
  const app = express();
  app.use(router);
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  app.use(middleware.error());
  return app;
}

describe('withJsonBodies', () => {
  const inner = express.Router();
  inner.post('/echo', (req, res) => {
    res.json({ received: req.body });
  });
  const app = appWith(withJsonBodies(inner, { maxBodyBytes: 64 }));

  it('parses JSON bodies for the inner router', async () => {
    const res = await request(app).post('/echo').send({ a: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: { a: 1 } });
  });

  it('answers a body that is not JSON with a 400 saying so', async () => {
    const res = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send('{"a": ');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/^request body: not valid JSON/);
  });

  it('keeps an oversized body a 413', async () => {
    const res = await request(app)
      .post('/echo')
      .send({ text: 'x'.repeat(200) });
    expect(res.status).toBe(413);
  });
});

describe('createAuditedRunner', () => {
  it('records success with the picked result meta, and failure with the error', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const audited = createAuditedRunner(auditor);

    await expect(
      audited(
        { eventId: 'thing-write' },
        async () => ({ id: 'a1', secret: 's' }),
        result => ({ id: result.id }),
      ),
    ).resolves.toEqual({ id: 'a1', secret: 's' });
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'thing-write',
    });
    expect(event.success).toHaveBeenCalledWith({ meta: { id: 'a1' } });

    const failure = new InputError('bad thing');
    await expect(
      audited({ eventId: 'thing-write' }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(event.fail).toHaveBeenCalledWith({ error: failure });
    expect(event.success).toHaveBeenCalledTimes(1);
  });
});

describe('createAuditedWriteHandlers', () => {
  function setup() {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const write = createAuditedWriteHandlers({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service('ci'),
      }),
      auditor,
    });
    const stored = new Map<string, { id: string }>();
    const router = express.Router();
    router.use(express.json());
    router.post(
      '/v1/things',
      write({
        eventId: 'thing-publish',
        allow: ['service'],
        meta: req => ({ key: String(req.body?.key ?? '') }),
        write: async req => {
          if (!req.body?.key) throw new InputError('key: required');
          const existing = stored.get(req.body.key);
          if (existing) return { created: false, thing: existing };
          const thing = { id: `t${stored.size + 1}` };
          stored.set(req.body.key, thing);
          return { created: true, thing };
        },
        result: r => ({ created: r.created, thingId: r.thing.id }),
        status: createdOrExisting,
      }),
    );
    router.post(
      '/v1/people-only',
      write({
        eventId: 'thing-pin',
        severityLevel: 'low',
        allow: ['user'],
        write: async (_req, credentials) => ({
          by: credentials.principal.userEntityRef,
        }),
        status: 202,
      }),
    );
    return { app: appWith(router), auditor, event };
  }

  it('answers 201 for a new publication and 200 for the same one again, auditing both', async () => {
    const { app, auditor, event } = setup();
    const first = await request(app).post('/v1/things').send({ key: 'k1' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ created: true, thing: { id: 't1' } });
    const again = await request(app).post('/v1/things').send({ key: 'k1' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ created: false, thing: { id: 't1' } });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'thing-publish',
        severityLevel: 'medium',
        meta: { key: 'k1' },
      }),
    );
    expect(event.success).toHaveBeenNthCalledWith(1, {
      meta: { created: true, thingId: 't1' },
    });
    expect(event.success).toHaveBeenNthCalledWith(2, {
      meta: { created: false, thingId: 't1' },
    });
  });

  it('passes a failed write to the error handler and audits the failure', async () => {
    const { app, event } = setup();
    const res = await request(app).post('/v1/things').send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('key: required');
    expect(event.fail).toHaveBeenCalledTimes(1);
    expect(event.success).not.toHaveBeenCalled();
  });

  it('refuses a caller of a type the route does not allow, before writing', async () => {
    const { app, event } = setup();
    const res = await request(app).post('/v1/people-only').send({});
    expect(res.status).toBe(403);
    expect(event.success).not.toHaveBeenCalled();
    expect(event.fail).toHaveBeenCalledTimes(1);
  });

  it('answers with the fixed status of the route', async () => {
    const { app } = setup();
    const res = await request(app)
      .post('/v1/people-only')
      .set('Authorization', mockCredentials.user.header('user:default/ada'))
      .send({});
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ by: 'user:default/ada' });
  });
});

describe('createWriteGuard', () => {
  function setup(authorize: () => Promise<void>) {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const guard = createWriteGuard({
      httpAuth: mockServices.httpAuth(),
      auditor,
    });
    const router = express.Router();
    router.post(
      '/v1/things',
      guard({
        event: { eventId: 'thing-publish', severityLevel: 'medium' },
        allow: ['service'],
        authorize,
      }),
      withJsonBodies(express.Router(), { maxBodyBytes: 64 }),
      (req, res) => {
        res.status(201).json({ received: req.body });
      },
    );
    return { app: appWith(router), auditor, event };
  }
  const big = { text: 'x'.repeat(200) };

  it('lets an allowed caller through to the body', async () => {
    const { app, event } = setup(async () => {});
    const service = mockCredentials.service.header();
    const ok = await request(app)
      .post('/v1/things')
      .set('Authorization', service)
      .send({ a: 1 });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ received: { a: 1 } });
    const over = await request(app)
      .post('/v1/things')
      .set('Authorization', service)
      .send(big);
    expect(over.status).toBe(413);
    expect(event.fail).not.toHaveBeenCalled();
  });

  it('refuses callers before their body is read, auditing the refusal', async () => {
    const { app, auditor, event } = setup(async () => {
      throw new NotAllowedError('You may not publish things');
    });
    const user = await request(app)
      .post('/v1/things')
      .set('Authorization', mockCredentials.user.header())
      .send(big);
    expect(user.status).toBe(403);
    const anonymous = await request(app)
      .post('/v1/things')
      .set('Authorization', mockCredentials.none.header())
      .send(big);
    expect(anonymous.status).toBe(401);
    const refused = await request(app)
      .post('/v1/things')
      .set('Authorization', mockCredentials.service.header())
      .send(big);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('You may not publish things');
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'thing-publish',
        severityLevel: 'medium',
      }),
    );
    expect(event.fail).toHaveBeenCalledTimes(3);
  });
});

describe('entity reads', () => {
  const httpAuth = mockServices.httpAuth();
  const caller = createCallerCredentials(httpAuth);
  const router = express.Router();
  router.get(
    '/v1/entities/:kind/:namespace/:name/things',
    entityReadHandler(caller, async (entityRef, credentials, req) => ({
      entityRef,
      principal: (credentials.principal as { type: string }).type,
      limit: optionalNumber(req.query.limit),
    })),
  );
  const app = appWith(router);

  it('names the entity of the path and the caller', async () => {
    const res = await request(app)
      .get('/v1/entities/component/default/ledger/things?limit=5')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/ledger',
      principal: 'user',
      limit: 5,
    });
    const service = await request(app)
      .get('/v1/entities/component/default/ledger/things')
      .set('Authorization', mockCredentials.service.header());
    expect(service.body).toEqual({
      entityRef: 'component:default/ledger',
      principal: 'service',
    });
  });

  it('refuses anonymous callers', async () => {
    const res = await request(app)
      .get('/v1/entities/component/default/ledger/things')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('builds entity refs from path parameters', () => {
    expect(
      entityRefOfPath({ kind: 'api', namespace: 'default', name: 'ledger' }),
    ).toBe('api:default/ledger');
    expect(optionalNumber(undefined)).toBeUndefined();
    expect(optionalNumber('20')).toBe(20);
  });

  it('answers 400 for entity paths whose parts hold separators', async () => {
    for (const path of [
      '/v1/entities/..%2F..%2Fcomponent/default/ledger/things',
      '/v1/entities/component/default%2F..%2Fx/ledger/things',
      '/v1/entities/component/default/ledger%5C..%5Cocr/things',
      `/v1/entities/component/default/${'x'.repeat(300)}/things`,
    ]) {
      const res = await request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    }
  });
});
