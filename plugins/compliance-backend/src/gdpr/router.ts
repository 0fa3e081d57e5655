import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  csvRecord,
  createCallerCredentials,
  entityReadHandler,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { GdprService } from './GdprService';
import { REGISTER_COLUMNS, registerRows } from './registerCsv';

/** The GDPR routes: HTTP into service calls, nothing of their own. */
export async function createGdprRouter(options: {
  gdpr: GdprService;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { gdpr } = options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const caller = createCallerCredentials(options.httpAuth);

  router.get(
    '/v1/entities/:kind/:namespace/:name/gdpr',
    entityReadHandler(caller, (entityRef, credentials) =>
      gdpr.getEntityGdpr(entityRef, { credentials }),
    ),
  );

  router.get('/v1/gdpr/register', async (req, res) => {
    res.json(await gdpr.getRegister({ credentials: await caller(req) }));
  });

  router.get('/v1/gdpr/register.csv', async (req, res) => {
    const register = await gdpr.getRegister({
      credentials: await caller(req),
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="gdpr-register.csv"',
    );
    res.write(csvRecord(REGISTER_COLUMNS));
    for (const entry of register.entries) {
      res.write(registerRows(entry).map(csvRecord).join(''));
    }
    res.end();
  });

  return router;
}
