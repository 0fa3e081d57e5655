import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** The entities a caller may see with one permission: all, or these. */
export type EntityScope =
  | { all: true }
  | { all: false; entityRefs: ReadonlySet<string> };

/** Whether an entity is in a scope. */
export function inScope(scope: EntityScope, entityRef: string): boolean {
  return scope.all || scope.entityRefs.has(entityRef);
}

/**
 * The entities a caller may use a permission on. One conditional decision
 * answers for everyone allowed or denied outright; for a conditional one
 * (partners) the candidates are authorized in one batch, each against its
 * catalog entity.
 */
export async function scopeOf(
  permissions: PermissionsService,
  permission: ResourcePermission<'catalog-entity'>,
  credentials: BackstageCredentials,
  candidates: () => Promise<string[]>,
): Promise<EntityScope> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result === AuthorizeResult.DENY) {
    return { all: false, entityRefs: new Set() };
  }
  const refs = [...new Set(await candidates())];
  if (refs.length === 0) return { all: false, entityRefs: new Set() };
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return {
    all: false,
    entityRefs: new Set(
      refs.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    ),
  };
}

/**
 * Throws unless the caller may use `permission` on the entity. A caller who
 * may not even read the entity (`read`) gets `notFound`, the very error an
 * absent entity gets, so what they may not see and what does not exist look
 * the same; a caller who can read it but may not do this gets a
 * NotAllowedError naming it. Both decisions are asked in one batch.
 */
export async function requireOnEntity(
  permissions: PermissionsService,
  request: {
    permission: ResourcePermission<'catalog-entity'>;
    read: ResourcePermission<'catalog-entity'>;
    entityRef: string;
    credentials: BackstageCredentials;
    /** What the caller wants to do, e.g. `refresh the API definition`. */
    what: string;
    /** The error the route answers when the entity is absent. */
    notFound: NotFoundError;
  },
): Promise<void> {
  const { permission, read, entityRef, credentials } = request;
  const same = permission.name === read.name;
  const [allowed, readable] = await permissions.authorize(
    [
      { permission, resourceRef: entityRef },
      ...(same ? [] : [{ permission: read, resourceRef: entityRef }]),
    ],
    { credentials },
  );
  if (allowed.result === AuthorizeResult.ALLOW) return;
  if (same || readable.result !== AuthorizeResult.ALLOW) throw request.notFound;
  throw new NotAllowedError(`You may not ${request.what} of ${entityRef}`);
}
