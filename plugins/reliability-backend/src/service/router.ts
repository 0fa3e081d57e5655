import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createAuditedWriteHandlers,
  createdOrExisting,
  createCallerCredentials,
  createWriteGuard,
  entityReadHandler,
  entityRefOfPath,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { PerfRunService } from './PerfRunService';
import { DrillService } from './DrillService';
import { GateService } from './GateService';
import { SloService } from './SloService';
import { TrendService } from './TrendService';
import { BackupService } from './BackupService';
import { EntityRecordService } from './EntityRecordService';

/**
 * Turns HTTP into service calls; no checks or logic of its own (the write
 * guard asks the services' authorizing wrappers before a body is read).
 */
export async function createRouter(options: {
  perfRuns: PerfRunService;
  slos: SloService;
  drills: DrillService;
  gates: GateService;
  trends: TrendService;
  backups: BackupService;
  records: EntityRecordService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const {
    perfRuns,
    slos,
    drills,
    gates,
    trends,
    backups,
    records,
    httpAuth,
    auditor,
  } = options;
  // Bodies are read by the write routes' own steps in front of this router,
  // once the caller is known to be allowed
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const write = createAuditedWriteHandlers({ httpAuth, auditor });
  const caller = createCallerCredentials(httpAuth);

  const publishedMeta = (published: {
    run: { id: string };
    created: boolean;
  }) => ({
    runId: published.run.id,
    created: published.created,
  });

  router.post(
    '/v1/runs',
    write({
      eventId: 'run-publish',
      allow: ['service'],
      meta: req => ({
        entityRef: String(req.body?.run?.entityRef ?? ''),
        idempotencyKey: String(req.body?.run?.idempotencyKey ?? ''),
      }),
      write: (req, credentials) =>
        perfRuns.publishRun(req.body, { credentials }),
      result: publishedMeta,
      status: createdOrExisting,
    }),
  );

  router.post(
    '/v1/runs/stream',
    write({
      eventId: 'run-publish',
      allow: ['service'],
      meta: req => ({
        queryType: 'stream',
        entityRef: String(req.query.entityRef ?? ''),
        idempotencyKey: String(req.query.idempotencyKey ?? ''),
      }),
      write: (req, credentials) => {
        const { k6ExitCode, ...query } = req.query;
        const run = {
          ...query,
          ...(k6ExitCode !== undefined && { k6ExitCode: Number(k6ExitCode) }),
        };
        const length = Number(req.headers['content-length']);
        return perfRuns.publishRunStream(run, req, {
          credentials,
          ...(Number.isFinite(length) && { declaredBytes: length }),
        });
      },
      result: publishedMeta,
      status: createdOrExisting,
    }),
  );

  router.get('/v1/runs', async (req, res) => {
    const credentials = await caller(req);
    const { entityRef, scenario, environment, release, cursor, limit } =
      req.query;
    res.json(
      await perfRuns.listRuns(
        { entityRef, scenario, environment, release },
        { cursor, limit: optionalNumber(limit) },
        { credentials },
      ),
    );
  });

  router.post('/v1/entity-records', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await records.getEntityRecords(req.body, { credentials }));
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/slos',
    entityReadHandler(caller, (entityRef, credentials) =>
      slos.getEntitySlos(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/drills',
    entityReadHandler(caller, (entityRef, credentials) =>
      drills.getEntityDrills(entityRef, { credentials }),
    ),
  );

  router.post(
    '/v1/drills',
    write({
      eventId: 'drill-publish',
      allow: ['service'],
      meta: req => ({
        idempotencyKey: String(req.body?.idempotencyKey ?? ''),
      }),
      write: (req, credentials) =>
        drills.publishDrill(req.body, { credentials }),
      result: p => ({ created: p.created, entities: p.drill.entities }),
      status: createdOrExisting,
    }),
  );

  router.post(
    '/v1/backups',
    write({
      eventId: 'backup-publish',
      allow: ['service'],
      meta: req => ({
        entityRef: String(req.body?.entityRef ?? ''),
        idempotencyKey: String(req.body?.idempotencyKey ?? ''),
      }),
      write: (req, credentials) =>
        backups.publishVerification(req.body, { credentials }),
      result: p => ({ created: p.created, verificationId: p.verification.id }),
      status: createdOrExisting,
    }),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/trend',
    entityReadHandler(caller, (entityRef, credentials, req) => {
      const { scenario, environment, limit } = req.query;
      return trends.getEntityTrend(
        entityRef,
        { scenario, environment, limit: optionalNumber(limit) },
        { credentials },
      );
    }),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/backups',
    entityReadHandler(caller, (entityRef, credentials) =>
      backups.getEntityBackups(entityRef, { credentials }),
    ),
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/backups/verifications',
    entityReadHandler(caller, (entityRef, credentials, req) => {
      const { backupKind, cursor, limit } = req.query;
      return backups.listVerifications(
        entityRef,
        { kind: backupKind, cursor, limit: optionalNumber(limit) },
        { credentials },
      );
    }),
  );

  router.get(
    '/v1/gates/:kind/:namespace/:name',
    entityReadHandler(caller, (entityRef, credentials, req) => {
      const { release, environment } = req.query;
      return gates.evaluate(
        entityRef,
        { release, environment },
        { credentials },
      );
    }),
  );

  router.post(
    '/v1/gates/:kind/:namespace/:name',
    write({
      eventId: 'gate-record',
      allow: ['service'],
      meta: req => ({ entityRef: entityRefOfPath(req.params) }),
      write: (req, credentials) =>
        gates.record(entityRefOfPath(req.params), req.body, { credentials }),
      result: v => ({
        verdictId: v.id,
        status: v.status,
        release: v.release,
        environment: v.environment,
      }),
      status: 201,
    }),
  );

  router.get(
    '/v1/gates/:kind/:namespace/:name/history',
    entityReadHandler(caller, (entityRef, credentials, req) => {
      const { release, cursor, limit } = req.query;
      return gates.history(
        entityRef,
        { release, cursor, limit: optionalNumber(limit) },
        { credentials },
      );
    }),
  );

  router.put(
    '/v1/runs/:runId/baseline',
    write({
      eventId: 'baseline-pin',
      allow: ['user'],
      meta: req => ({ runId: req.params.runId }),
      write: (req, credentials) =>
        perfRuns.pinBaseline(req.params.runId, {
          credentials,
          actor: credentials.principal.userEntityRef,
        }),
      status: 200,
    }),
  );

  router.delete(
    '/v1/runs/:runId/baseline',
    write({
      eventId: 'baseline-unpin',
      allow: ['user'],
      meta: req => ({ runId: req.params.runId }),
      write: (req, credentials) =>
        perfRuns.unpinBaseline(req.params.runId, { credentials }),
      result: removed => removed,
      status: 200,
    }),
  );

  router.get('/v1/runs/:runId/regression', async (req, res) => {
    const credentials = await caller(req);
    res.json(await perfRuns.getRegression(req.params.runId, { credentials }));
  });

  router.get('/v1/runs/:runId/compare/:otherRunId', async (req, res) => {
    const credentials = await caller(req);
    res.json(
      await perfRuns.compareRuns(req.params.runId, req.params.otherRunId, {
        credentials,
      }),
    );
  });

  router.get('/v1/runs/:runId', async (req, res) => {
    const credentials = await caller(req);
    res.json(await perfRuns.getRun(req.params.runId, { credentials }));
  });

  // Each write settles its caller first; only then is a JSON body read
  const guard = createWriteGuard({ httpAuth, auditor });
  const readJson = withJsonBodies(express.Router(), {
    maxBodyBytes: options.maxBodyBytes,
  });
  const writes = express.Router();
  writes.post(
    '/v1/runs',
    guard({
      event: { eventId: 'run-publish', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => perfRuns.authorizePublish(o),
    }),
    readJson,
  );
  // The stream is read by the service, after the same check
  writes.post(
    '/v1/runs/stream',
    guard({
      event: { eventId: 'run-publish', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => perfRuns.authorizePublish(o),
    }),
  );
  writes.post(
    '/v1/drills',
    guard({
      event: { eventId: 'drill-publish', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => drills.authorizePublish(o),
    }),
    readJson,
  );
  writes.post(
    '/v1/backups',
    guard({
      event: { eventId: 'backup-publish', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => backups.authorizePublish(o),
    }),
    readJson,
  );
  writes.post(
    '/v1/gates/:kind/:namespace/:name',
    guard({
      event: { eventId: 'gate-record', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => gates.authorizeRecord(o),
    }),
    readJson,
  );
  // A read with a body: users are refused before it is read
  writes.post(
    '/v1/entity-records',
    (req, _res, next) => {
      httpAuth
        .credentials(req, { allow: ['service'] })
        .then(() => next(), next);
    },
    readJson,
  );
  // Baselines are pinned per entity: the run names it, so the permission is
  // checked by the service; these routes take no body
  writes.put(
    '/v1/runs/:runId/baseline',
    guard({
      event: { eventId: 'baseline-pin', severityLevel: 'medium' },
      allow: ['user'],
    }),
  );
  writes.delete(
    '/v1/runs/:runId/baseline',
    guard({
      event: { eventId: 'baseline-unpin', severityLevel: 'medium' },
      allow: ['user'],
    }),
  );
  writes.use(router);
  // A database that failed transiently is a 503 to retry, never its text
  writes.use(transientFailureHandler({ logger: options.logger }));
  return writes;
}
