import { createApiRef } from '@backstage/core-plugin-api';
import { ScorecardsApi } from './ScorecardsClient';

export * from './types';
export { ScorecardsClient } from './ScorecardsClient';
export type { RollupSubject, ScorecardsApi } from './ScorecardsClient';

/**
 * The scorecards backend's client.
 *
 * @public
 */
export const scorecardsApiRef = createApiRef<ScorecardsApi>({
  id: 'plugin.scorecards.client',
});
