import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';

/**
 * Runs a write as one audit event: success with what `resultMeta` picks from
 * the result, or failure with the error (which is thrown on).
 *
 * @public
 */
export type AuditedRunner = <T>(
  event: AuditorServiceCreateEventOptions,
  work: () => Promise<T>,
  resultMeta?: (result: T) => JsonObject,
) => Promise<T>;

/**
 * An {@link AuditedRunner} writing to this auditor.
 *
 * @public
 */
export function createAuditedRunner(auditor: AuditorService): AuditedRunner {
  return async (event, work, resultMeta = () => ({})) => {
    const auditEvent = await auditor.createEvent(event);
    try {
      const result = await work();
      await auditEvent.success({ meta: resultMeta(result) });
      return result;
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  };
}

/**
 * Who may make a write: users (people signed in), services (CI tokens and
 * other backends), or both.
 *
 * @public
 */
export type WriteCaller = 'user' | 'service';

/**
 * One write route: who may call it, the audit event it is, and the service
 * call it makes.
 *
 * @public
 */
export interface AuditedWrite<
  Req extends express.Request,
  T,
  A extends WriteCaller = WriteCaller,
> {
  /** The audit event's id, e.g. `drill-publish`. */
  eventId: string;
  /** The audit event's severity; `medium` when not given. */
  severityLevel?: AuditorServiceCreateEventOptions['severityLevel'];
  /** The principal types allowed to call; others get a 401 from the auth service. */
  allow: A[];
  /** What the audit event records of the request (never secrets). */
  meta?: (req: Req) => JsonObject;
  /** The write itself, with the caller's credentials. */
  write: (
    req: Req,
    credentials: BackstageCredentials<BackstagePrincipalTypes[A]>,
  ) => Promise<T>;
  /** What the audit event records of the result. */
  result?: (result: T) => JsonObject;
  /** The HTTP status of a success: a number, or chosen by the result. */
  status: number | ((result: T) => number);
}

/**
 * The status of an idempotent publication: 201 when it stored something new,
 * 200 when the same publication was already stored.
 *
 * @public
 */
export function createdOrExisting(result: { created: boolean }): number {
  return result.created ? 201 : 200;
}

/**
 * Express handlers for audited writes: each resolves the caller, runs the
 * write as one audit event and answers its result as JSON. Errors go to the
 * next error handler.
 *
 * @public
 */
export function createAuditedWriteHandlers(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const audited = createAuditedRunner(options.auditor);
  return function auditedWrite<
    Req extends express.Request<any, any, any, any>,
    T,
    A extends WriteCaller,
  >(
    spec: AuditedWrite<Req, T, A>,
  ): (req: Req, res: express.Response, next: express.NextFunction) => void {
    return (req, res, next) => {
      audited(
        {
          eventId: spec.eventId,
          severityLevel: spec.severityLevel ?? 'medium',
          request: req,
          meta: spec.meta?.(req) ?? {},
        },
        async () => {
          const credentials = await options.httpAuth.credentials(req, {
            allow: spec.allow,
          });
          return spec.write(req, credentials);
        },
        spec.result,
      )
        .then(result => {
          const status =
            typeof spec.status === 'number' ? spec.status : spec.status(result);
          res.status(status).json(result);
        })
        .catch(next);
    };
  };
}
