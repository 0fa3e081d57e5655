import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { PerfRunService } from './PerfRunService';
import { DrillService } from './DrillService';
import { GateService } from './GateService';
import { SloService } from './SloService';

/** Turns HTTP into service calls; no checks or logic of its own. */
export async function createRouter(options: {
  perfRuns: PerfRunService;
  slos: SloService;
  drills: DrillService;
  gates: GateService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { perfRuns, slos, drills, gates, httpAuth, auditor } = options;
  // Bodies are parsed before the validating router, whose error handler would
  // turn a 413 (body too large) into a 400
  const outer = express.Router();
  outer.use(express.json({ limit: options.maxBodyBytes }));
  outer.use(
    (
      error: { type?: string; message?: string },
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      next(
        error?.type === 'entity.parse.failed'
          ? new InputError(`request body: not valid JSON (${error.message})`)
          : error,
      );
    },
  );
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  outer.use(router);

  router.post('/v1/runs', async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'run-publish',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef: String(req.body?.run?.entityRef ?? ''),
        idempotencyKey: String(req.body?.run?.idempotencyKey ?? ''),
      },
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const published = await perfRuns.publishRun(req.body, { credentials });
      await event.success({
        meta: { runId: published.run.id, created: published.created },
      });
      res.status(published.created ? 201 : 200).json(published);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/v1/runs/stream', async (req, res) => {
    const { k6ExitCode, ...query } = req.query;
    const run = {
      ...query,
      ...(k6ExitCode !== undefined && { k6ExitCode: Number(k6ExitCode) }),
    };
    const event = await auditor.createEvent({
      eventId: 'run-publish',
      severityLevel: 'medium',
      request: req,
      meta: {
        queryType: 'stream',
        entityRef: String(query.entityRef ?? ''),
        idempotencyKey: String(query.idempotencyKey ?? ''),
      },
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const length = Number(req.headers['content-length']);
      const published = await perfRuns.publishRunStream(run, req, {
        credentials,
        ...(Number.isFinite(length) && { declaredBytes: length }),
      });
      await event.success({
        meta: { runId: published.run.id, created: published.created },
      });
      res.status(published.created ? 201 : 200).json(published);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef, scenario, environment, release, cursor, limit } =
      req.query;
    res.json(
      await perfRuns.listRuns(
        { entityRef, scenario, environment, release },
        { cursor, limit: limit === undefined ? undefined : Number(limit) },
        { credentials },
      ),
    );
  });

  router.get('/v1/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await slos.getEntitySlos(`${kind}:${namespace}/${name}`, {
        credentials,
      }),
    );
  });

  router.get('/v1/entities/:kind/:namespace/:name/drills', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await drills.getEntityDrills(`${kind}:${namespace}/${name}`, {
        credentials,
      }),
    );
  });

  router.get('/v1/gates/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const { release, environment } = req.query;
    const entityRef = `${kind}:${namespace}/${name}`;
    const event = await auditor.createEvent({
      eventId: 'gate-decide',
      severityLevel: 'low',
      request: req,
      meta: { entityRef, release, environment },
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const verdict = await gates.decide(entityRef, release, environment, {
        credentials,
      });
      await event.success({
        meta: { verdictId: verdict.id, status: verdict.status },
      });
      res.json(verdict);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/gates/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const { release, cursor, limit } = req.query;
    res.json(
      await gates.history(
        `${kind}:${namespace}/${name}`,
        {
          release,
          cursor,
          limit: limit === undefined ? undefined : Number(limit),
        },
        { credentials },
      ),
    );
  });

  router.put('/v1/runs/:runId/baseline', async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'baseline-pin',
      severityLevel: 'medium',
      request: req,
      meta: { runId: req.params.runId },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const baseline = await perfRuns.pinBaseline(req.params.runId, {
        credentials,
        actor: credentials.principal.userEntityRef,
      });
      await event.success();
      res.json(baseline);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/v1/runs/:runId/baseline', async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'baseline-unpin',
      severityLevel: 'medium',
      request: req,
      meta: { runId: req.params.runId },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const result = await perfRuns.unpinBaseline(req.params.runId, {
        credentials,
      });
      await event.success({ meta: result });
      res.json(result);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/runs/:runId/regression', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await perfRuns.getRegression(req.params.runId, { credentials }));
  });

  router.get('/v1/runs/:runId/compare/:otherRunId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await perfRuns.compareRuns(req.params.runId, req.params.otherRunId, {
        credentials,
      }),
    );
  });

  router.get('/v1/runs/:runId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await perfRuns.getRun(req.params.runId, { credentials }));
  });

  return outer;
}
