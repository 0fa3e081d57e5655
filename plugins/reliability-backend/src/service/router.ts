import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  createAuditedRunner,
  createCallerCredentials,
  entityReadHandler,
  entityRefOfPath,
  optionalNumber,
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

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  perfRuns: PerfRunService;
  slos: SloService;
  drills: DrillService;
  gates: GateService;
  trends: TrendService;
  backups: BackupService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { perfRuns, slos, drills, gates, trends, backups, httpAuth, auditor } =
    options;
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const audited = createAuditedRunner(auditor);
  const caller = createCallerCredentials(httpAuth);

  const publishedMeta = (published: {
    run: { id: string };
    created: boolean;
  }) => ({
    runId: published.run.id,
    created: published.created,
  });

  router.post('/v1/runs', async (req, res) => {
    const published = await audited(
      {
        eventId: 'run-publish',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef: String(req.body?.run?.entityRef ?? ''),
          idempotencyKey: String(req.body?.run?.idempotencyKey ?? ''),
        },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['service'],
        });
        return perfRuns.publishRun(req.body, { credentials });
      },
      publishedMeta,
    );
    res.status(published.created ? 201 : 200).json(published);
  });

  router.post('/v1/runs/stream', async (req, res) => {
    const { k6ExitCode, ...query } = req.query;
    const run = {
      ...query,
      ...(k6ExitCode !== undefined && { k6ExitCode: Number(k6ExitCode) }),
    };
    const published = await audited(
      {
        eventId: 'run-publish',
        severityLevel: 'medium',
        request: req,
        meta: {
          queryType: 'stream',
          entityRef: String(query.entityRef ?? ''),
          idempotencyKey: String(query.idempotencyKey ?? ''),
        },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['service'],
        });
        const length = Number(req.headers['content-length']);
        return perfRuns.publishRunStream(run, req, {
          credentials,
          ...(Number.isFinite(length) && { declaredBytes: length }),
        });
      },
      publishedMeta,
    );
    res.status(published.created ? 201 : 200).json(published);
  });

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

  router.post('/v1/drills', async (req, res) => {
    const published = await audited(
      {
        eventId: 'drill-publish',
        severityLevel: 'medium',
        request: req,
        meta: { idempotencyKey: String(req.body?.idempotencyKey ?? '') },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['service'],
        });
        return drills.publishDrill(req.body, { credentials });
      },
      p => ({ created: p.created, entities: p.drill.entities }),
    );
    res.status(published.created ? 201 : 200).json(published);
  });

  router.post('/v1/backups', async (req, res) => {
    const published = await audited(
      {
        eventId: 'backup-publish',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef: String(req.body?.entityRef ?? ''),
          idempotencyKey: String(req.body?.idempotencyKey ?? ''),
        },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['service'],
        });
        return backups.publishVerification(req.body, { credentials });
      },
      p => ({ created: p.created, verificationId: p.verification.id }),
    );
    res.status(published.created ? 201 : 200).json(published);
  });

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

  router.get('/v1/gates/:kind/:namespace/:name', async (req, res) => {
    const { release, environment } = req.query;
    const entityRef = entityRefOfPath(req.params);
    const verdict = await audited(
      {
        eventId: 'gate-decide',
        severityLevel: 'low',
        request: req,
        meta: { entityRef, release, environment },
      },
      async () => {
        const credentials = await caller(req);
        return gates.decide(entityRef, release, environment, { credentials });
      },
      v => ({ verdictId: v.id, status: v.status }),
    );
    res.json(verdict);
  });

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

  router.put('/v1/runs/:runId/baseline', async (req, res) => {
    const baseline = await audited(
      {
        eventId: 'baseline-pin',
        severityLevel: 'medium',
        request: req,
        meta: { runId: req.params.runId },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        return perfRuns.pinBaseline(req.params.runId, {
          credentials,
          actor: credentials.principal.userEntityRef,
        });
      },
    );
    res.json(baseline);
  });

  router.delete('/v1/runs/:runId/baseline', async (req, res) => {
    const result = await audited(
      {
        eventId: 'baseline-unpin',
        severityLevel: 'medium',
        request: req,
        meta: { runId: req.params.runId },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        return perfRuns.unpinBaseline(req.params.runId, { credentials });
      },
      removed => removed,
    );
    res.json(result);
  });

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

  return withJsonBodies(router, { maxBodyBytes: options.maxBodyBytes });
}
