import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createAuditedWriteHandlers,
  createCallerCredentials,
  createdOrExisting,
  createWriteGuard,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { AuthorizedWebhookService } from '../webhooks/AuthorizedWebhookService';
import { AuthorizedPartnerAppService } from './AuthorizedPartnerAppService';

/** Bodies here are a few fields; anything larger is refused with a 413. */
const MAX_BODY_BYTES = 16 * 1024;

/** What a pushed event carries beside its payload. */
const EVENT_ENVELOPE_BYTES = 4 * 1024;

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  apps: AuthorizedPartnerAppService;
  webhooks: AuthorizedWebhookService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  /** partner.webhooks.maxPayloadBytes */
  maxEventPayloadBytes: number;
}): Promise<express.Router> {
  const { apps, webhooks, httpAuth, auditor } = options;
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

  // --- webhooks ---------------------------------------------------------
  const endpointMeta = (req: express.Request) => ({
    appId: req.params.appId,
    ...(req.params.endpointId && { endpointId: req.params.endpointId }),
  });
  const endpointResult = (endpoint: { id: string; org: string }) => ({
    endpointId: endpoint.id,
    org: endpoint.org,
  });

  router.get('/v1/webhooks/event-types', async (req, res) => {
    const credentials = await caller(req);
    res.json({ items: await webhooks.listEventTypes({ credentials }) });
  });

  router.get('/v1/apps/:appId/webhooks', async (req, res) => {
    const credentials = await caller(req);
    res.json({
      items: await webhooks.listEndpoints(req.params.appId, { credentials }),
    });
  });

  router.post(
    '/v1/apps/:appId/webhooks',
    write({
      eventId: 'partner-webhook-create',
      allow: ['user'],
      meta: req => ({
        appId: req.params.appId,
        eventTypes: Array.isArray(req.body?.eventTypes)
          ? req.body.eventTypes.slice(0, 100).map(String)
          : [],
      }),
      write: (req, credentials) =>
        webhooks.createEndpoint(req.params.appId, req.body, { credentials }),
      // never the secret
      result: created => endpointResult(created.endpoint),
      status: 201,
    }),
  );

  router.get('/v1/apps/:appId/webhooks/:endpointId', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await webhooks.getEndpoint(req.params.appId, req.params.endpointId, {
        credentials,
      }),
    );
  });

  router.patch(
    '/v1/apps/:appId/webhooks/:endpointId',
    write({
      eventId: 'partner-webhook-update',
      allow: ['user'],
      meta: endpointMeta,
      write: (req, credentials) =>
        webhooks.updateEndpoint(
          req.params.appId,
          req.params.endpointId,
          req.body,
          { credentials },
        ),
      result: endpoint => ({
        ...endpointResult(endpoint),
        status: endpoint.status,
      }),
      status: 200,
    }),
  );

  router.delete(
    '/v1/apps/:appId/webhooks/:endpointId',
    write({
      eventId: 'partner-webhook-delete',
      allow: ['user'],
      meta: endpointMeta,
      write: (req, credentials) =>
        webhooks.deleteEndpoint(req.params.appId, req.params.endpointId, {
          credentials,
        }),
      result: endpointResult,
      status: 200,
    }),
  );

  router.post(
    '/v1/apps/:appId/webhooks/:endpointId/rotate-secret',
    write({
      eventId: 'partner-webhook-secret-rotate',
      allow: ['user'],
      meta: endpointMeta,
      write: (req, credentials) =>
        webhooks.rotateSecret(req.params.appId, req.params.endpointId, {
          credentials,
        }),
      result: created => endpointResult(created.endpoint),
      status: 201,
    }),
  );

  router.get(
    '/v1/apps/:appId/webhooks/:endpointId/deliveries',
    async (req, res) => {
      const credentials = await caller(req);
      const { status, cursor, limit } = req.query;
      res.json(
        await webhooks.listDeliveries(
          req.params.appId,
          req.params.endpointId,
          { status, cursor, limit: optionalNumber(limit) },
          { credentials },
        ),
      );
    },
  );

  router.get(
    '/v1/apps/:appId/webhooks/:endpointId/deliveries/:deliveryId',
    async (req, res) => {
      const credentials = await caller(req);
      res.json(
        await webhooks.getDelivery(
          req.params.appId,
          req.params.endpointId,
          req.params.deliveryId,
          { credentials },
        ),
      );
    },
  );

  router.post(
    '/v1/apps/:appId/webhooks/:endpointId/deliveries/:deliveryId/replay',
    write({
      eventId: 'partner-webhook-replay',
      allow: ['user'],
      meta: req => ({
        ...endpointMeta(req),
        deliveryId: req.params.deliveryId,
      }),
      write: (req, credentials) =>
        webhooks.replayDelivery(
          req.params.appId,
          req.params.endpointId,
          req.params.deliveryId,
          { credentials },
        ),
      result: delivery => ({
        deliveryId: delivery.id,
        replayOf: delivery.replayOf ?? null,
        org: delivery.org,
      }),
      status: 201,
    }),
  );

  router.post(
    '/v1/apps/:appId/webhooks/:endpointId/replay',
    write({
      eventId: 'partner-webhook-replay-since',
      allow: ['user'],
      meta: req => ({
        ...endpointMeta(req),
        since: String(req.body?.since ?? ''),
      }),
      write: (req, credentials) =>
        webhooks.replaySince(
          req.params.appId,
          req.params.endpointId,
          req.body,
          { credentials },
        ),
      result: replay => ({ replayed: replay.replayed, more: replay.more }),
      status: 201,
    }),
  );

  router.post(
    '/v1/events',
    write({
      eventId: 'partner-event-push',
      allow: ['service'],
      meta: req => ({
        appId: String(req.body?.appId ?? ''),
        type: String(req.body?.type ?? ''),
        idempotencyKey: String(req.body?.idempotencyKey ?? ''),
      }),
      write: (req, credentials) =>
        webhooks.pushEvent(req.body, { credentials }),
      result: pushed => ({
        eventId: pushed.event.id,
        org: pushed.event.org,
        created: pushed.created,
        deliveries: pushed.deliveries,
      }),
      status: createdOrExisting,
    }),
  );

  // The event push settles its caller before its (larger) body is read
  const guard = createWriteGuard({ httpAuth, auditor });
  const outer = express.Router();
  outer.post(
    '/v1/events',
    guard({
      event: { eventId: 'partner-event-push', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => webhooks.authorizePush(o),
    }),
    withJsonBodies(express.Router(), {
      maxBodyBytes: options.maxEventPayloadBytes + EVENT_ENVELOPE_BYTES,
    }),
  );
  outer.use(withJsonBodies(router, { maxBodyBytes: MAX_BODY_BYTES }));
  // A database that failed transiently is a 503 to retry, never its text
  outer.use(transientFailureHandler({ logger: options.logger }));
  return outer;
}
