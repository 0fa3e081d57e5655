import {
  ApiRef,
  createApiFactory,
  DiscoveryApi,
  discoveryApiRef,
  FetchApi,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';

/**
 * What a plugin's client is built on: every client of the portal's plugins
 * finds its backend with the discovery API and calls it with the fetch API.
 *
 * @public
 */
export type PluginClientDeps = {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
};

/**
 * The `if` of an extension shown only to callers the permission policy
 * grants `permission`: the audience policy denies a family's read
 * permission to partners, who then see no tab, card or page of it.
 *
 * @public
 */
export function grantedTo(permission: { name: string }) {
  return { permissions: { $contains: permission.name } };
}

/**
 * A plugin's client as an API extension of the new frontend system.
 *
 * @public
 */
export function clientApiExtension<TApi>(
  api: ApiRef<TApi>,
  create: (deps: PluginClientDeps) => TApi,
) {
  return ApiBlueprint.make({
    params: defineParams =>
      defineParams({
        api,
        deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
        factory: ({ discoveryApi, fetchApi }) =>
          create({ discoveryApi, fetchApi }),
      }),
  });
}

/**
 * A plugin's client as an API factory of the old frontend system.
 *
 * @public
 */
export function clientApiFactory<TApi>(
  api: ApiRef<TApi>,
  create: (deps: PluginClientDeps) => TApi,
) {
  return createApiFactory({
    api,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => create({ discoveryApi, fetchApi }),
  });
}
