import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { isTransientDatabaseError } from '@readiness/store-utils';
import express from 'express';

/**
 * Seconds a client is asked to wait before it sends a request again after a
 * transient database failure.
 *
 * @public
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

/**
 * An error handler mounted after a plugin's routes: a transient database
 * failure (a lost connection, a server shutting down, a lost race; see
 * `isTransientDatabaseError`) that a write could not retry away is answered
 * 503 with `Retry-After`, as a `ServiceUnavailableError` whose message names
 * no statement, table or stack. The failure itself goes to the plugin's log.
 * A client that sends the same request again is safe where the write is
 * idempotent: a publication with its key is stored once, and the answer to
 * the retry is the stored item. Other errors pass on unchanged.
 *
 * @public
 */
export function transientFailureHandler(options: {
  logger: LoggerService;
  retryAfterSeconds?: number;
}): express.ErrorRequestHandler {
  const seconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  return (error, req, res, next) => {
    if (res.headersSent || !isTransientDatabaseError(error)) {
      next(error);
      return;
    }
    options.logger.warn(
      `${req.method} ${req.originalUrl} answered 503: the database failed transiently`,
      error,
    );
    res.setHeader('Retry-After', String(seconds));
    next(
      new ServiceUnavailableError(
        `The service could not reach its database; retry after ${seconds} seconds`,
      ),
    );
  };
}
