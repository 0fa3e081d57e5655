/**
 * Backend of the scorecards plugins: scores catalog entities (level, score,
 * category scores and the outcome of every check) from the facts the
 * families provide, keeps every fact's history and a daily snapshot of
 * every scorecard, and serves them over HTTP.
 *
 * @packageDocumentation
 */

export { scorecardsPlugin as default } from './plugin';
