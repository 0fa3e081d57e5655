import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityName } from '@readiness/plugin-reliability-common';

/** The entity of the page, as the reliability client addresses it. */
export function useEntityName(): EntityName {
  const { entity } = useEntity();
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  return useMemo(() => ({ kind, namespace, name }), [kind, namespace, name]);
}

/** `kind:namespace/name`, as publishers name the entity. */
export function refOf(entity: EntityName): string {
  return `${entity.kind}:${entity.namespace}/${entity.name}`;
}
