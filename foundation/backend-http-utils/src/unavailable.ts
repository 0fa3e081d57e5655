import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { isTransientDatabaseError } from '@readiness/store-utils';
import express from 'express';

/**
 * Seconds a client is asked to wait before it sends a request again after a
 * transient failure.
 *
 * @public
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

// What another backend plugin answers while it is failing or restarting
const OUTAGE_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Whether a call to another backend service (the catalog, through its
 * client) failed because that service is briefly out: it answered 500, 502,
 * 503 or 504 (the catalog answers 500 while its own database connections
 * drop). A refused or reset connection is caught by
 * `isTransientDatabaseError`'s socket codes.
 *
 * @public
 */
export function isTransientDependencyError(error: unknown): boolean {
  const e = error as { name?: unknown; statusCode?: unknown };
  return (
    e?.name === 'ResponseError' &&
    typeof e.statusCode === 'number' &&
    OUTAGE_STATUSES.has(e.statusCode)
  );
}

/**
 * Whether a request failed for a reason that says nothing about it: its
 * database or a service it calls was briefly out.
 *
 * @public
 */
export function isTransientFailure(error: unknown): boolean {
  return isTransientDatabaseError(error) || isTransientDependencyError(error);
}

/**
 * An error handler mounted after a plugin's routes: a transient failure (a
 * lost database connection, a server shutting down, a lost race, a service
 * it calls briefly out; see `isTransientFailure`) that a write could not
 * retry away is answered 503 with `Retry-After`, as a
 * `ServiceUnavailableError` whose message names no statement, table or
 * stack. The failure itself goes to the plugin's log. A client that sends
 * the same request again is safe where the write is idempotent: a
 * publication with its key is stored once, and the answer to the retry is
 * the stored item. Other errors pass on unchanged.
 *
 * @public
 */
export function transientFailureHandler(options: {
  logger: LoggerService;
  retryAfterSeconds?: number;
}): express.ErrorRequestHandler {
  const seconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  return (error, req, res, next) => {
    if (res.headersSent || !isTransientFailure(error)) {
      next(error);
      return;
    }
    options.logger.warn(
      `${req.method} ${req.originalUrl} answered 503: a transient failure`,
      error,
    );
    res.setHeader('Retry-After', String(seconds));
    next(
      new ServiceUnavailableError(
        `The service is briefly unavailable; retry after ${seconds} seconds`,
      ),
    );
  };
}
