import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { PortalEntityName } from '@readiness/client-utils';

/**
 * The entity of the page as the portal's clients address it: kind in lower
 * case, namespace `default` when the entity names none. Stable between
 * renders while the entity is the same, so it can be an effect's dependency.
 *
 * @public
 */
export function useEntityName(): PortalEntityName {
  const { entity } = useEntity();
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  return useMemo(() => ({ kind, namespace, name }), [kind, namespace, name]);
}

/**
 * `kind:namespace/name`, as publishers and the catalog name an entity.
 *
 * @public
 */
export function entityRefOf(entity: PortalEntityName): string {
  return `${entity.kind}:${entity.namespace}/${entity.name}`;
}
