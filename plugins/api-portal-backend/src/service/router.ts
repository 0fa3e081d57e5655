import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createAuditedWriteHandlers,
  createCallerCredentials,
  entityReadHandler,
  entityRefOfPath,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { pipeline } from 'node:stream/promises';
import { SdkService } from '../sdk/SdkService';
import { ApiPortalService } from './ApiPortalService';
import { FEED_CONTENT_TYPES, FeedFormat } from './feeds';

/** Request bodies are tiny here (refresh has none). */
const MAX_BODY_BYTES = 64 * 1024;

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  apiPortal: ApiPortalService;
  sdks: SdkService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
}): Promise<express.Router> {
  const { apiPortal, sdks, httpAuth, auditor } = options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const write = createAuditedWriteHandlers({ httpAuth, auditor });
  const caller = createCallerCredentials(httpAuth);
  const page = (query: { cursor?: string; limit?: number | string }) => ({
    cursor: query.cursor,
    limit: optionalNumber(query.limit),
  });

  router.get('/v1/families', async (req, res) => {
    const credentials = await caller(req);
    res.json(await apiPortal.listFamilies(page(req.query), { credentials }));
  });

  router.get('/v1/families/:family', async (req, res) => {
    const credentials = await caller(req);
    res.json(await apiPortal.getFamily(req.params.family, { credentials }));
  });

  router.get('/v1/families/:family/changelog', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await apiPortal.listChangelog(
        {
          family: req.params.family,
          breaking: req.query.breaking === 'true',
        },
        page(req.query),
        { credentials },
      ),
    );
  });

  router.get('/v1/changelog', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await apiPortal.listChangelog(
        { breaking: req.query.breaking === 'true' },
        page(req.query),
        { credentials },
      ),
    );
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/revisions',
    entityReadHandler(caller, (entityRef, credentials, req) =>
      apiPortal.listRevisions(entityRef, page(req.query), { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/provided-apis',
    entityReadHandler(caller, (entityRef, credentials) =>
      apiPortal.getProvidedApis(entityRef, { credentials }),
    ),
  );

  router.post(
    '/v1/entities/:kind/:namespace/:name/refresh',
    write({
      eventId: 'entity-refresh',
      allow: ['user', 'service'],
      meta: req => ({ entityRef: entityRefOfPath(req.params) }),
      write: (req, credentials) =>
        apiPortal.refresh(entityRefOfPath(req.params), { credentials }),
      result: r => ({
        revisionId: r.revision.id,
        changed: r.changed,
        status: r.revision.status,
      }),
      status: 200,
    }),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/sdks',
    entityReadHandler(caller, (entityRef, credentials) =>
      sdks.listSdks(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/sdks/:language/download',
    async (req, res) => {
      const credentials = await caller(req);
      const download = await sdks.download(
        entityRefOfPath(req.params),
        req.params.language,
        { credentials },
      );
      res.status(200);
      res.setHeader('Content-Type', download.contentType);
      res.setHeader('Content-Length', String(download.size));
      res.attachment(download.fileName);
      await pipeline(download.stream, res);
    },
  );

  router.post(
    '/v1/entities/:kind/:namespace/:name/sdks/:language/build',
    write({
      eventId: 'sdk-build',
      severityLevel: 'low',
      allow: ['user', 'service'],
      meta: req => ({
        entityRef: entityRefOfPath(req.params),
        language: req.params.language,
      }),
      write: (req, credentials) =>
        sdks.build(entityRefOfPath(req.params), req.params.language, {
          credentials,
        }),
      result: r => ({ status: r.status, generatorVersion: r.generatorVersion }),
      status: 202,
    }),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/postman',
    entityReadHandler(caller, (entityRef, credentials) =>
      sdks.postmanCollection(entityRef, { credentials }),
    ),
  );

  router.get('/v1/revisions/:revisionId', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await apiPortal.getRevision(req.params.revisionId, { credentials }),
    );
  });

  router.get('/v1/revisions/:revisionId/lint', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await apiPortal.getRevisionLint(req.params.revisionId, { credentials }),
    );
  });

  const sendFeed = async (
    req: express.Request,
    res: express.Response,
    format: FeedFormat,
    family?: string,
  ) => {
    const credentials = await caller(req);
    const xml = await apiPortal.renderFeed(format, family ? { family } : {}, {
      credentials,
    });
    res.type(FEED_CONTENT_TYPES[format]).send(xml);
  };

  router.get('/v1/feeds/families/:family.rss', (req, res) =>
    sendFeed(req, res, 'rss', req.params.family),
  );
  router.get('/v1/feeds/families/:family.atom', (req, res) =>
    sendFeed(req, res, 'atom', req.params.family),
  );
  router.get('/v1/feeds/all.rss', (req, res) => sendFeed(req, res, 'rss'));
  router.get('/v1/feeds/all.atom', (req, res) => sendFeed(req, res, 'atom'));

  const outer = withJsonBodies(router, { maxBodyBytes: MAX_BODY_BYTES });
  // A database that failed transiently is a 503 to retry, never its text
  outer.use(transientFailureHandler({ logger: options.logger }));
  return outer;
}
