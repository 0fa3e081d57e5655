import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { transientFailureHandler } from './index';

const statement =
  'insert into "perf_runs" ("content_hash", "id") values ($1, $2) - ';

function appFailingWith(error: unknown, retryAfterSeconds?: number) {
  const logger = mockServices.logger.mock();
  const router = express.Router();
  router.post('/v1/runs', (_req, _res, next) => next(error));
  router.use(transientFailureHandler({ logger, retryAfterSeconds }));
  const app = express();
  app.use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, logger };
}

describe('transientFailureHandler', () => {
  it('answers a lost database connection with a 503 to retry, without the statement', async () => {
    const error = new Error(`${statement}Connection terminated unexpectedly`);
    const { app, logger } = appFailingWith(error);
    const res = await request(app).post('/v1/runs');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message: 'The service is briefly unavailable; retry after 2 seconds',
    });
    expect(res.text).not.toMatch(/insert|perf_runs|Connection terminated/);
    expect(logger.warn).toHaveBeenCalledWith(
      'POST /v1/runs answered 503: a transient failure',
      error,
    );
  });

  it('says how long to wait when told', async () => {
    const shutdown = Object.assign(
      new Error(
        `${statement}terminating connection due to administrator command`,
      ),
      { code: '57P01' },
    );
    const res = await request(appFailingWith(shutdown, 7).app).post('/v1/runs');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body.error.message).toMatch(/retry after 7 seconds/);
  });

  it('answers an outage of a service it calls with a 503 too', async () => {
    // What the catalog client throws while the catalog answers 500
    const outage = Object.assign(
      new Error('Request failed with 500 Internal Server Error'),
      { name: 'ResponseError', statusCode: 500 },
    );
    const res = await request(appFailingWith(outage).app).post('/v1/runs');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.text).not.toMatch(/Internal Server Error/);
  });

  it('passes other errors on unchanged', async () => {
    const notFound = Object.assign(new Error('Request failed with 404'), {
      name: 'ResponseError',
      statusCode: 404,
    });
    expect(
      (await request(appFailingWith(notFound).app).post('/v1/runs')).status,
    ).not.toBe(503);
    const res = await request(
      appFailingWith(new ConflictError('idempotencyKey k was already used'))
        .app,
    ).post('/v1/runs');
    expect(res.status).toBe(409);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(res.body.error.message).toBe('idempotencyKey k was already used');
  });
});
