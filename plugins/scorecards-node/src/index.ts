/**
 * Node.js parts of the scorecards plugins: the extension point through
 * which each family's backend module provides facts about catalog entities.
 *
 * @packageDocumentation
 */
export * from './factProviders';
