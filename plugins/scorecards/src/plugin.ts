/*
 * The scorecards plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { clientApiFactory } from '@readiness/portal-react';
import { ScorecardsClient, scorecardsApiRef } from './api';

/**
 * Where the teams index and the ritual pages mount (`/scorecards` in the
 * portal; the ritual pages are `teams/:group` under it).
 *
 * @public
 */
export const scorecardsRootRouteRef = createRouteRef({ id: 'scorecards' });

/**
 * The scorecards plugin: its client, the teams and ritual pages and the
 * entity extensions below.
 *
 * @public
 */
export const scorecardsPlugin = createPlugin({
  id: 'scorecards',
  routes: { root: scorecardsRootRouteRef },
  apis: [
    clientApiFactory(scorecardsApiRef, deps => new ScorecardsClient(deps)),
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

/**
 * The teams index and each team's ritual page; mount it at `/scorecards`
 * for internal users only (partners are refused scorecards).
 *
 * @public
 */
export const ScorecardsPage = scorecardsPlugin.provide(
  createRoutableExtension({
    name: 'ScorecardsPage',
    component: () =>
      import('./components/TeamRitualPage').then(m => m.ScorecardsPage),
    mountPoint: scorecardsRootRouteRef,
  }),
);

/**
 * The Readiness ritual card of a Group's overview: its entities' levels and
 * a link to the team's ritual page.
 *
 * @public
 */
export const EntityTeamRitualCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamRitualCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamRitualCard').then(
          m => m.EntityTeamRitualCard,
        ),
    },
  }),
);
