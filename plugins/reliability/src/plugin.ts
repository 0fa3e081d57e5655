/*
 * The reliability plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
import { clientApiFactory } from '@readiness/portal-react';
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
    clientApiFactory(reliabilityApiRef, deps => new ReliabilityClient(deps)),
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
