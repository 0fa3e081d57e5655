import { parseEntityRef } from '@backstage/catalog-model';

/** The path of the API Portal tab under an entity page, see alpha.tsx. */
export const API_PORTAL_TAB_PATH = 'api-portal';

type EntityRoute = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

/** The API Portal tab of the entity an entity ref names. */
export function apiPortalTabOf(entityRoute: EntityRoute, entityRef: string) {
  const ref = parseEntityRef(entityRef);
  return `${entityRoute({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  })}/${API_PORTAL_TAB_PATH}`;
}
