/*
 * The scorecards plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ScorecardsClient, scorecardsApiRef } from './api';

/**
 * The scorecards plugin: its client and the entity extensions below.
 *
 * @public
 */
export const scorecardsPlugin = createPlugin({
  id: 'scorecards',
  apis: [
    createApiFactory({
      api: scorecardsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScorecardsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Scorecard tab of Components, Systems, APIs and Resources; mount it
 * under the entity page at `scorecard`, for internal users only (partners
 * are refused scorecards).
 *
 * @public
 */
export const EntityScorecardContent = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityScorecardContent').then(
          m => m.EntityScorecardContent,
        ),
    },
  }),
);

/**
 * The Readiness record card of an entity's overview: level, score, what
 * blocks the next level and the state of each family.
 *
 * @public
 */
export const EntityReadinessRecordCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessRecordCard',
    component: {
      lazy: () =>
        import('./components/EntityReadinessRecordCard').then(
          m => m.EntityReadinessRecordCard,
        ),
    },
  }),
);
