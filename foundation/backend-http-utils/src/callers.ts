import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';

/**
 * The `:kind/:namespace/:name` parameters of an entity path.
 *
 * @public
 */
export type EntityPathParams = {
  kind: string;
  namespace: string;
  name: string;
};

// Express decodes path parameters, so %2F arrives as a separator
const REF_PART = /^[^/:\\\s]{1,253}$/;

/**
 * The entity ref an entity path names, `kind:namespace/name`. A part that
 * holds a separator (sent encoded) or is too long is a 400 naming it.
 *
 * @public
 */
export function entityRefOfPath(params: EntityPathParams): string {
  for (const part of ['kind', 'namespace', 'name'] as const) {
    if (!REF_PART.test(params[part])) {
      throw new InputError(
        `The ${part} in the entity path is not a valid entity ${part}`,
      );
    }
  }
  return `${params.kind}:${params.namespace}/${params.name}`;
}

/**
 * The credentials of a user or service caller of a read endpoint; anonymous
 * callers are refused with a 401 by the auth service.
 *
 * @public
 */
export type CallerCredentials = (
  req: Parameters<HttpAuthService['credentials']>[0],
) => Promise<BackstageCredentials>;

/**
 * Reads the caller's credentials, allowing users and services.
 *
 * @public
 */
export function createCallerCredentials(
  httpAuth: HttpAuthService,
): CallerCredentials {
  return req => httpAuth.credentials(req, { allow: ['user', 'service'] });
}

/**
 * An express handler for a read of one entity: resolves the caller and the
 * entity ref of the path, then answers the result of `read` as JSON. Errors
 * go to the next error handler, also on routers that do not await handlers.
 *
 * @public
 */
export function entityReadHandler<
  Req extends express.Request<EntityPathParams, any, any, any>,
>(
  caller: CallerCredentials,
  read: (
    entityRef: string,
    credentials: BackstageCredentials,
    req: Req,
  ) => Promise<unknown>,
): (req: Req, res: express.Response, next: express.NextFunction) => void {
  return (req, res, next) => {
    caller(req)
      .then(credentials => read(entityRefOfPath(req.params), credentials, req))
      .then(result => res.json(result))
      .catch(next);
  };
}

/**
 * A number from a query parameter (which express leaves a string), or
 * undefined when absent. The validating router has checked its format.
 *
 * @public
 */
export function optionalNumber(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}
