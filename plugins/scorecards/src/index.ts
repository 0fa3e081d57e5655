/**
 * The readiness record on entity pages (the Readiness record card and the
 * Scorecard tab), the teams index and each team's ritual page. Apps on the new frontend system use
 * `@readiness/plugin-scorecards/alpha`; the exports here serve apps on the
 * old one: the plugin, its client and lazy entity extensions.
 *
 * @packageDocumentation
 */

export * from './api';
export {
  EntityReadinessRecordCard,
  EntityScorecardContent,
  EntityTeamRitualCard,
  ScorecardsPage,
  scorecardsPlugin,
  scorecardsRootRouteRef,
} from './plugin';
