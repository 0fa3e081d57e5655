/*
 * The api-portal plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { clientApiFactory } from '@readiness/portal-react';
import { ApiPortalClient } from '@readiness/plugin-api-portal-common';
import { apiPortalApiRef } from './api';
import { apisReadinessRouteRef } from './routes';

/**
 * The api-portal plugin: its client, the APIs readiness page and the entity
 * extensions below.
 *
 * @public
 */
export const apiPortalPlugin = createPlugin({
  id: 'api-portal',
  apis: [clientApiFactory(apiPortalApiRef, deps => new ApiPortalClient(deps))],
  routes: { apisReadiness: apisReadinessRouteRef },
});

/**
 * Every API family with its latest version, lint, breaking changes and SDK
 * downloads.
 *
 * @public
 */
export const ApisReadinessPage = apiPortalPlugin.provide(
  createRoutableExtension({
    name: 'ApisReadinessPage',
    component: () =>
      import('./components/ApisReadinessPage').then(m => m.ApisReadinessPage),
    mountPoint: apisReadinessRouteRef,
  }),
);

/**
 * The API Portal tab of an API entity; mount it under the entity page at
 * `api-portal`.
 *
 * @public
 */
export const EntityApiPortalContent = apiPortalPlugin.provide(
  createComponentExtension({
    name: 'EntityApiPortalContent',
    component: {
      lazy: () =>
        import('./components/EntityApiPortal').then(
          m => m.EntityApiPortalContent,
        ),
    },
  }),
);

/**
 * The API readiness card of a component's overview.
 *
 * @public
 */
export const EntityProvidedApisCard = apiPortalPlugin.provide(
  createComponentExtension({
    name: 'EntityProvidedApisCard',
    component: {
      lazy: () =>
        import('./components/ProvidedApisCard').then(m => m.ProvidedApisCard),
    },
  }),
);
