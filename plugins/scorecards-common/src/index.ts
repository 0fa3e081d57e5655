/**
 * Types and pure functions of the scorecards plugins: the fact catalogue
 * (what each family provides), checks as data (`scorecards/checks/`, read
 * and validated by `loadScorecardChecks`), the evaluator of check outcomes,
 * levels and scores (`compileScorecard`), and the permissions of the
 * scorecards plugins.
 *
 * @packageDocumentation
 */

export * from './facts';
export * from './checks';
export * from './evaluate';
export * from './permissions';
export { nearestId } from './dataFiles';
