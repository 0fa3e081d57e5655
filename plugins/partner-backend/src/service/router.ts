import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createAuditedWriteHandlers,
  createCallerCredentials,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { AuthorizedPartnerAppService } from './AuthorizedPartnerAppService';

/** Bodies here are a few fields; anything larger is refused with a 413. */
const MAX_BODY_BYTES = 16 * 1024;

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  apps: AuthorizedPartnerAppService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
}): Promise<express.Router> {
  const { apps, httpAuth, auditor } = options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const caller = createCallerCredentials(httpAuth);
  const write = createAuditedWriteHandlers({ httpAuth, auditor });

  router.get('/v1/apps', async (req, res) => {
    const credentials = await caller(req);
    const { org, cursor, limit } = req.query;
    res.json(
      await apps.listApps(
        { org, cursor, limit: optionalNumber(limit) },
        { credentials },
      ),
    );
  });

  router.post(
    '/v1/apps',
    write({
      eventId: 'partner-app-create',
      allow: ['user'],
      meta: req => ({ org: String(req.body?.org ?? '') }),
      write: (req, credentials) => apps.createApp(req.body, { credentials }),
      result: app => ({ appId: app.id, org: app.org }),
      status: 201,
    }),
  );

  router.get('/v1/apps/:appId', async (req, res) => {
    const credentials = await caller(req);
    res.json(await apps.getApp(req.params.appId, { credentials }));
  });

  router.get('/v1/apps/:appId/keys', async (req, res) => {
    const credentials = await caller(req);
    res.json({
      items: await apps.listKeys(req.params.appId, { credentials }),
    });
  });

  router.post(
    '/v1/apps/:appId/keys',
    write({
      eventId: 'partner-key-create',
      allow: ['user'],
      meta: req => ({ appId: req.params.appId }),
      write: (req, credentials) =>
        apps.createKey(req.params.appId, req.body, { credentials }),
      // never the secret
      result: created => ({
        keyId: created.key.id,
        prefix: created.key.prefix,
        org: created.key.org,
      }),
      status: 201,
    }),
  );

  router.post(
    '/v1/apps/:appId/keys/:keyId/revoke',
    write({
      eventId: 'partner-key-revoke',
      allow: ['user'],
      meta: req => ({ appId: req.params.appId, keyId: req.params.keyId }),
      write: (req, credentials) =>
        apps.revokeKey(req.params.appId, req.params.keyId, { credentials }),
      result: key => ({ prefix: key.prefix, org: key.org }),
      status: 200,
    }),
  );

  router.post(
    '/v1/apps/:appId/keys/:keyId/rotate',
    write({
      eventId: 'partner-key-rotate',
      allow: ['user'],
      meta: req => ({ appId: req.params.appId, keyId: req.params.keyId }),
      write: (req, credentials) =>
        apps.rotateKey(req.params.appId, req.params.keyId, { credentials }),
      result: created => ({
        keyId: created.key.id,
        prefix: created.key.prefix,
        previousPrefix: created.previous.prefix,
      }),
      status: 201,
    }),
  );

  router.post(
    '/v1/keys/verify',
    write({
      eventId: 'partner-key-verify',
      severityLevel: 'low',
      allow: ['service'],
      write: (req, credentials) =>
        apps.verifyKey(String(req.body.key), { credentials }),
      result: verification =>
        verification.valid
          ? { valid: true, keyId: verification.keyId, org: verification.org }
          : { valid: false },
      status: 200,
    }),
  );

  const outer = withJsonBodies(router, { maxBodyBytes: MAX_BODY_BYTES });
  // A database that failed transiently is a 503 to retry, never its text
  outer.use(transientFailureHandler({ logger: options.logger }));
  return outer;
}
