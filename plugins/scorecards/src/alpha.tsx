import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { clientApiExtension, grantedTo } from '@readiness/portal-react';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import { scorecardsEntityReadPermission } from '@readiness/plugin-scorecards-common';
import { ScorecardsClient, scorecardsApiRef } from './api';
import { SCORECARD_TAB_PATH, SCORECARDS_PAGE_PATH } from './components/paths';

/** The kinds the portal's checks apply to (scorecards/checks/). */
export const scorecardEntityFilter = {
  kind: { $in: ['component', 'system', 'api', 'resource'] },
};

/**
 * Shown only to callers the permission policy lets read scorecards: the
 * audience policy denies it to partners, who then see no tab and no card.
 */
export const scorecardReaders = grantedTo(scorecardsEntityReadPermission);

const scorecardsApi = clientApiExtension(
  scorecardsApiRef,
  deps => new ScorecardsClient(deps),
);

const scorecardEntityContent = EntityContentBlueprint.make({
  name: 'scorecard',
  if: scorecardReaders,
  params: {
    path: `/${SCORECARD_TAB_PATH}`,
    title: 'Scorecard',
    filter: scorecardEntityFilter,
    loader: () =>
      import('./components/EntityScorecardContent').then(m => (
        <m.EntityScorecardContent />
      )),
  },
});

const readinessRecordCard = EntityCardBlueprint.make({
  name: 'readiness-record',
  if: scorecardReaders,
  params: {
    type: 'info',
    filter: scorecardEntityFilter,
    loader: () =>
      import('./components/EntityReadinessRecordCard').then(m => (
        <m.EntityReadinessRecordCard />
      )),
  },
});

const teamRitualCard = EntityCardBlueprint.make({
  name: 'team-ritual',
  if: scorecardReaders,
  params: {
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamRitualCard').then(m => (
        <m.EntityTeamRitualCard />
      )),
  },
});

const scorecardsRouteRef = createRouteRef();

// Left out of the app, and its sidebar item with it, for callers the
// permission policy refuses scorecards (partners)
const scorecardsPage = PageBlueprint.make({
  if: scorecardReaders,
  params: {
    path: SCORECARDS_PAGE_PATH,
    routeRef: scorecardsRouteRef,
    title: 'Scorecards',
    icon: <EmojiEventsIcon fontSize="inherit" />,
    loader: () =>
      import('./components/TeamRitualPage').then(m => (
        <m.ScorecardsPageContent />
      )),
  },
});

/**
 * The scorecards plugin for the new frontend system: the Readiness record
 * card on the overview and a Scorecard tab on Components, Systems, APIs and
 * Resources, the teams index at /scorecards with each team's ritual page at
 * /scorecards/teams/:group, and a Readiness ritual card on Groups, for
 * internal users.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'scorecards',
  title: 'Scorecards',
  extensions: [
    scorecardsApi,
    scorecardEntityContent,
    readinessRecordCard,
    teamRitualCard,
    scorecardsPage,
  ],
});
