import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createAuditedWriteHandlers,
  createCallerCredentials,
  createdOrExisting,
  entityReadHandler,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { ExportService } from '../exports/ExportService';
import { createExportHandlers } from '../exports/router';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { EvidenceService } from './EvidenceService';
import { isPortalFiling } from './readPortalFiling';

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  evidence: EvidenceService;
  exports: ExportService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { evidence, httpAuth, auditor } = options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const caller = createCallerCredentials(httpAuth);
  const write = createAuditedWriteHandlers({ httpAuth, auditor });

  router.get(
    '/v1/entities/:kind/:namespace/:name/controls',
    entityReadHandler(caller, (entityRef, credentials) =>
      evidence.getEntityRecord(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/summary',
    entityReadHandler(caller, (entityRef, credentials) =>
      evidence.getEntitySummary(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/evidence',
    entityReadHandler(caller, (entityRef, credentials, req) =>
      evidence.listEvidence(
        entityRef,
        {
          cursor: req.query.cursor,
          limit: optionalNumber(req.query.limit),
        },
        { credentials },
      ),
    ),
  );

  router.get('/v1/frameworks', async (req, res) => {
    res.json(await evidence.listFrameworks({ credentials: await caller(req) }));
  });

  router.get('/v1/matrix', async (req, res) => {
    res.json(
      await evidence.getMatrix(
        { framework: req.query.framework, groupBy: req.query.groupBy },
        { credentials: await caller(req) },
      ),
    );
  });

  router.get('/v1/matrix/entities', async (req, res) => {
    res.json(
      await evidence.getMatrixGroup(
        {
          framework: req.query.framework,
          groupBy: req.query.groupBy,
          group: req.query.group,
        },
        { credentials: await caller(req) },
      ),
    );
  });

  const exported = createExportHandlers({
    exports: options.exports,
    caller,
    auditor,
    logger: options.logger,
  });
  router.get('/v1/exports/assessment-results', exported.assessmentResults);
  router.get(
    '/v1/exports/component-definitions/:namespace/:name',
    exported.componentDefinition,
  );
  router.get('/v1/exports/evidence.csv', exported.evidenceCsv);
  router.get('/v1/exports/matrix.csv', exported.matrixCsv);

  router.post(
    '/v1/evidence',
    write({
      eventId: 'evidence-file',
      allow: ['user', 'service'],
      meta: req => ({
        entityRef: String(req.body?.entityRef ?? ''),
        source: String(req.body?.source ?? ''),
        idempotencyKey: String(req.body?.idempotencyKey ?? ''),
        ...(req.body?.portalKind !== undefined && {
          portalKind: String(req.body.portalKind),
        }),
      }),
      // A body with portalKind is evidence the portal's own plugins file
      write: (req, credentials) =>
        isPortalFiling(req.body)
          ? evidence.filePortalEvidence(req.body, { credentials })
          : evidence.fileEvidence(req.body, { credentials }),
      result: filed => ({
        evidenceId: filed.item?.id ?? '',
        controls: filed.item?.controls ?? [],
        created: filed.created,
      }),
      status: createdOrExisting,
    }),
  );

  router.post(
    '/v1/evidence/:evidenceId/withdrawals',
    write({
      eventId: 'evidence-withdraw',
      allow: ['user', 'service'],
      meta: req => ({ evidenceId: req.params.evidenceId }),
      write: (req, credentials) =>
        evidence.withdrawEvidence(req.params.evidenceId, req.body, {
          credentials,
        }),
      result: withdrawn => ({
        entityRef: withdrawn.item.entityRef,
        created: withdrawn.created,
      }),
      status: createdOrExisting,
    }),
  );

  const outer = withJsonBodies(router, { maxBodyBytes: options.maxBodyBytes });
  // A database that failed transiently is a 503 to retry, never its text
  outer.use(transientFailureHandler({ logger: options.logger }));
  return outer;
}
