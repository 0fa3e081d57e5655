/*
 * The permission checks every family's Authorized… services make: whether a
 * caller may do something, which entities they may do it on, and the errors
 * a refusal answers. Each check fails closed: a decision that is not ALLOW
 * refuses, an empty candidate list is an empty scope.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The entities a caller may use one permission on: all of them, or these.
 *
 * @public
 */
export type EntityScope =
  | { all: true }
  | { all: false; entityRefs: ReadonlySet<string> };

/**
 * The scope of exactly these entities (none when empty).
 *
 * @public
 */
export function entityScopeOf(entityRefs: Iterable<string>): EntityScope {
  return { all: false, entityRefs: new Set(entityRefs) };
}

/**
 * Whether an entity is in a scope.
 *
 * @public
 */
export function inScope(scope: EntityScope, entityRef: string): boolean {
  return scope.all || scope.entityRefs.has(entityRef);
}

/**
 * Whether the caller holds a permission, on the resource when it names one.
 *
 * @public
 */
export async function isAllowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: AuthorizePermissionRequest,
): Promise<boolean> {
  const [decision] = await permissions.authorize([request], { credentials });
  return decision.result === AuthorizeResult.ALLOW;
}

/**
 * Throws a NotAllowedError, `You may not <what>`, unless the caller holds
 * the permission (on the resource when the request names one).
 *
 * @public
 */
export async function requireAllowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: AuthorizePermissionRequest,
  /** What the caller wants to do, e.g. `publish perf runs`. */
  what: string,
): Promise<void> {
  if (!(await isAllowed(permissions, credentials, request))) {
    throw new NotAllowedError(`You may not ${what}`);
  }
}

/**
 * Throws a NotAllowedError, `You may not <what>`, when the caller is denied
 * a resource permission on every entity; answers ALLOW (on all of them) or
 * CONDITIONAL (on some, which the caller's later checks decide).
 *
 * @public
 */
export async function requireSomewhere(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  /** What the caller wants to do, e.g. `read scorecards`. */
  what: string,
): Promise<AuthorizeResult.ALLOW | AuthorizeResult.CONDITIONAL> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.DENY) {
    throw new NotAllowedError(`You may not ${what}`);
  }
  return decision.result;
}

/**
 * The entities among `entityRefs` the caller may use the permission on,
 * asked in one batch.
 *
 * @public
 */
export async function allowedEntities(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  entityRefs: Iterable<string>,
): Promise<Set<string>> {
  const refs = [...new Set(entityRefs)];
  if (refs.length === 0) return new Set();
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return new Set(
    refs.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
  );
}

/**
 * The entities a caller may use a permission on. One conditional decision
 * answers for everyone allowed or denied outright; for a conditional one
 * (partners) the candidates are authorized in one batch, each against its
 * catalog entity.
 *
 * @public
 */
export async function scopeOf(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  candidates: () => Promise<string[]>,
): Promise<EntityScope> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result === AuthorizeResult.DENY) return entityScopeOf([]);
  return entityScopeOf(
    await allowedEntities(
      permissions,
      credentials,
      permission,
      await candidates(),
    ),
  );
}

/**
 * Throws unless the caller may use `permission` on the entity, and returns
 * the scope of that one entity. A caller who may not even read the entity
 * (`read`) gets `notFound`, the very error an absent entity gets, so what
 * they may not see and what does not exist look the same; a caller who can
 * read it but may not do this gets a NotAllowedError naming it. Both
 * decisions are asked in one batch.
 *
 * @public
 */
export async function requireOnEntity(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: {
    permission: ResourcePermission<'catalog-entity'>;
    read: ResourcePermission<'catalog-entity'>;
    entityRef: string;
    /** What the caller wants to do, e.g. `refresh the API definition`. */
    what: string;
    /** The error the route answers when the entity is absent. */
    notFound: NotFoundError;
  },
): Promise<EntityScope> {
  const { permission, read, entityRef } = request;
  const same = permission.name === read.name;
  const [allowed, readable] = await permissions.authorize(
    [
      { permission, resourceRef: entityRef },
      ...(same ? [] : [{ permission: read, resourceRef: entityRef }]),
    ],
    { credentials },
  );
  if (allowed.result === AuthorizeResult.ALLOW)
    return entityScopeOf([entityRef]);
  if (same || readable.result !== AuthorizeResult.ALLOW) throw request.notFound;
  throw new NotAllowedError(`You may not ${request.what} of ${entityRef}`);
}

/**
 * The scope of one entity for a caller whose outright decision on the
 * permission is `decided`: allowed everywhere, or decided for the entity,
 * where a refusal is `notFound`, the error an absent entity gets.
 *
 * @public
 */
export async function decidedEntityScope(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: {
    permission: ResourcePermission<'catalog-entity'>;
    entityRef: string;
    decided: AuthorizeResult;
    notFound: Error;
  },
): Promise<EntityScope> {
  const { permission, entityRef } = request;
  if (
    request.decided === AuthorizeResult.ALLOW ||
    (await isAllowed(permissions, credentials, {
      permission,
      resourceRef: entityRef,
    }))
  ) {
    return entityScopeOf([entityRef]);
  }
  throw request.notFound;
}

/**
 * The scope of one entity for a permission: refused outright with a 403
 * (`You may not <what>`, see {@link requireSomewhere}), allowed, or decided
 * for the entity, where a refusal is `notFound`. Answers the outright
 * decision with the scope.
 *
 * @public
 */
export async function requireEntityScope(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: {
    permission: ResourcePermission<'catalog-entity'>;
    entityRef: string;
    /** What the caller wants to do, e.g. `read scorecards`. */
    what: string;
    notFound: Error;
  },
): Promise<{
  decided: AuthorizeResult.ALLOW | AuthorizeResult.CONDITIONAL;
  scope: EntityScope;
}> {
  const decided = await requireSomewhere(
    permissions,
    credentials,
    request.permission,
    request.what,
  );
  const scope = await decidedEntityScope(permissions, credentials, {
    ...request,
    decided,
  });
  return { decided, scope };
}
