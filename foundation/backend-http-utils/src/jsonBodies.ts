import { InputError } from '@backstage/errors';
import express from 'express';

/**
 * Wraps a (validating) router so that JSON bodies are parsed before it, with a
 * size limit: an oversized body stays a 413 (a validating router's own error
 * handler would turn it into a 400) and a body that is not JSON becomes an
 * `InputError` saying so.
 *
 * @public
 */
export function withJsonBodies(
  inner: express.Router,
  options: { maxBodyBytes: number },
): express.Router {
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
  outer.use(inner);
  return outer;
}
