/*
 * The reliability plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReliabilityClient } from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from './api';

/**
 * The reliability plugin: its client and the entity extensions below.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Reliability tab of Components and Systems; mount it under the entity
 * page at `reliability`.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContent,
        ),
    },
  }),
);

/**
 * The reliability summary card of a Component's or System's overview.
 *
 * @public
 */
export const EntityReliabilitySummaryCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilitySummaryCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilitySummaryCard').then(
          m => m.EntityReliabilitySummaryCard,
        ),
    },
  }),
);
