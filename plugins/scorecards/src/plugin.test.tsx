import { screen } from '@testing-library/react';
import { ledger, mockApi, renderForEntity } from './__testUtils__/scorecards';
import { scorecardsApiRef } from './api';
import {
  EntityReadinessRecordCard,
  EntityScorecardContent,
  scorecardsPlugin,
} from './plugin';

/** Lazy extensions load their chunk first; a busy machine needs time. */
const LAZY = { timeout: 10_000 };

describe('the legacy scorecards plugin', () => {
  it('provides the client', () => {
    expect(scorecardsPlugin.getId()).toBe('scorecards');
    expect([...scorecardsPlugin.getApis()].map(f => f.api.id)).toEqual([
      scorecardsApiRef.id,
    ]);
  });

  it('renders the Readiness record card lazily', async () => {
    renderForEntity(<EntityReadinessRecordCard />, mockApi(), ledger);
    expect(
      await screen.findByText('Open the scorecard', {}, LAZY),
    ).toBeInTheDocument();
  });

  it('renders the Scorecard tab lazily', async () => {
    const api = mockApi();
    renderForEntity(<EntityScorecardContent />, api, ledger);
    expect(
      await screen.findByText('Level and score', {}, LAZY),
    ).toBeInTheDocument();
    expect(api.getEntityScorecard).toHaveBeenCalled();
  });
});
