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
  entityReadHandler,
  entityRefOfPath,
  optionalNumber,
  transientFailureHandler,
  withJsonBodies,
} from '@readiness/backend-http-utils';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { rollupCsvHandler } from './rollupCsv';
import { RollupKind, RollupService } from './RollupService';
import { ScorecardService } from './ScorecardService';

type NamePath = { namespace: string; name: string };

/** The ref of a rollup path's group, system or domain (a bad part is a 400). */
const subjectRef = (kind: RollupKind, params: NamePath) =>
  entityRefOfPath({ kind, ...params });

/** The fact ids a push names, for its audit event (checked by the service). */
function factIdsOf(body: unknown): string[] {
  const facts = (body as { facts?: unknown } | undefined)?.facts;
  return typeof facts === 'object' && facts !== null && !Array.isArray(facts)
    ? Object.keys(facts).slice(0, 50)
    : [];
}

/**
 * Turns HTTP into service calls; no checks or logic of its own (the write
 * guard asks the service's authorizing wrapper before a body is read).
 */
export async function createRouter(options: {
  scorecards: ScorecardService;
  rollups: RollupService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { scorecards, rollups, httpAuth, auditor } = options;
  // Bodies are read by the write route's own steps in front of this router,
  // once the caller is known to be allowed
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const caller = createCallerCredentials(httpAuth);
  const write = createAuditedWriteHandlers({ httpAuth, auditor });

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

  router.post(
    '/v1/facts',
    write({
      eventId: 'facts-push',
      allow: ['service'],
      meta: req => ({
        entityRef: String(req.body?.entityRef ?? ''),
        idempotencyKey: String(req.body?.idempotencyKey ?? ''),
        facts: factIdsOf(req.body),
      }),
      write: (req, credentials) =>
        scorecards.pushFacts(req.body, { credentials }),
      result: pushed => ({
        created: pushed.created,
        entityRef: pushed.push.entityRef,
        level: pushed.scorecard?.level ?? null,
        score: pushed.scorecard?.score ?? null,
      }),
      status: createdOrExisting,
    }),
  );

  router.get('/v1/rollups/groups', (req, res, next) => {
    caller(req)
      .then(credentials => rollups.listTeams({ credentials }))
      .then(teams => res.json(teams))
      .catch(next);
  });

  for (const [kind, plural] of [
    ['group', 'groups'],
    ['system', 'systems'],
    ['domain', 'domains'],
  ] as const) {
    router.get(`/v1/rollups/${plural}/:namespace/:name`, (req, res, next) => {
      caller(req)
        .then(credentials =>
          rollups.getRollup(kind, subjectRef(kind, req.params), {
            credentials,
          }),
        )
        .then(rollup => res.json(rollup))
        .catch(next);
    });
  }

  router.get(
    '/v1/rollups/groups/:namespace/:name/changes',
    (req, res, next) => {
      caller(req)
        .then(credentials =>
          rollups.getRitualChanges(subjectRef('group', req.params), {
            credentials,
          }),
        )
        .then(changes => res.json(changes))
        .catch(next);
    },
  );

  router.get(
    '/v1/rollups/groups/:namespace/:name/rituals',
    (req, res, next) => {
      caller(req)
        .then(credentials =>
          rollups.listRituals(
            subjectRef('group', req.params),
            {
              cursor: req.query.cursor,
              limit: optionalNumber(req.query.limit),
            },
            { credentials },
          ),
        )
        .then(page => res.json(page))
        .catch(next);
    },
  );

  router.post(
    '/v1/rollups/groups/:namespace/:name/rituals',
    write({
      eventId: 'ritual-mark',
      allow: ['user', 'service'],
      meta: req => ({
        groupRef: `group:${req.params.namespace}/${req.params.name}`,
        day: String(req.body?.day ?? ''),
      }),
      write: (req, credentials) =>
        rollups.markRitual(subjectRef('group', req.params), req.body, {
          credentials,
        }),
      result: marked => ({
        created: marked.created,
        ritualId: marked.ritual.id,
        day: marked.ritual.day,
      }),
      status: createdOrExisting,
    }),
  );

  router.get(
    '/v1/rollups/groups/:namespace/:name/rollup.csv',
    rollupCsvHandler({
      auditor,
      logger: options.logger,
      open: async req => {
        const groupRef = subjectRef('group', req.params);
        return rollups.getRollup('group', groupRef, {
          credentials: await caller(req),
        });
      },
    }),
  );

  // The write settles its caller first; only then is a JSON body read
  const guard = createWriteGuard({ httpAuth, auditor });
  const writes = express.Router();
  writes.post(
    '/v1/facts',
    guard({
      event: { eventId: 'facts-push', severityLevel: 'medium' },
      allow: ['service'],
      authorize: o => scorecards.authorizePush(o),
    }),
    withJsonBodies(express.Router(), { maxBodyBytes: options.maxBodyBytes }),
  );
  writes.post(
    '/v1/rollups/groups/:namespace/:name/rituals',
    guard({
      event: { eventId: 'ritual-mark', severityLevel: 'medium' },
      allow: ['user', 'service'],
      authorize: o => rollups.authorizeRitual(o),
    }),
    withJsonBodies(express.Router(), { maxBodyBytes: options.maxBodyBytes }),
  );
  writes.use(router);
  // A database that failed transiently is a 503 to retry, never its text
  writes.use(transientFailureHandler({ logger: options.logger }));
  return writes;
}
