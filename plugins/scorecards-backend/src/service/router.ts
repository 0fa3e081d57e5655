import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  createCallerCredentials,
  entityReadHandler,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { ScorecardService } from './ScorecardService';

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  scorecards: ScorecardService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { scorecards } = options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const caller = createCallerCredentials(options.httpAuth);

  router.get(
    '/v1/entities/:kind/:namespace/:name/scorecard',
    entityReadHandler(caller, (entityRef, credentials) =>
      scorecards.getScorecard(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/scorecard/history',
    entityReadHandler(caller, (entityRef, credentials, req) =>
      scorecards.getHistory(
        entityRef,
        { from: req.query.from, to: req.query.to },
        { credentials },
      ),
    ),
  );

  router.get('/v1/checks', (req, res, next) => {
    caller(req)
      .then(credentials => scorecards.listChecks({ credentials }))
      .then(checks => res.json(checks))
      .catch(next);
  });

  const outer = withJsonBodies(router, { maxBodyBytes: options.maxBodyBytes });
  // A database that failed transiently is a 503 to retry, never its text
  outer.use(transientFailureHandler({ logger: options.logger }));
  return outer;
}
