import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
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

/** Throws NotAllowedError unless the caller may use the permission on the entity. */
export async function requireOnEntity(
  permissions: PermissionsService,
  permission: ResourcePermission<'catalog-entity'>,
  entityRef: string,
  credentials: BackstageCredentials,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You may not ${what} of ${entityRef}`);
  }
}
