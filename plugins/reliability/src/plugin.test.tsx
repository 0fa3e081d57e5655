import { screen } from '@testing-library/react';
import { ledger, mockApi, renderForEntity } from './__testUtils__/reliability';
import { reliabilityApiRef } from './api';
import {
  EntityReliabilityContent,
  EntityReliabilitySummaryCard,
  reliabilityPlugin,
} from './plugin';

/** Lazy extensions load their chunk first; a busy machine needs time. */
const LAZY = { timeout: 10_000 };

describe('the legacy reliability plugin', () => {
  it('provides the client', () => {
    expect(reliabilityPlugin.getId()).toBe('reliability');
    expect([...reliabilityPlugin.getApis()].map(f => f.api.id)).toEqual([
      reliabilityApiRef.id,
    ]);
  });

  it('renders the summary card lazily', async () => {
    renderForEntity(<EntityReliabilitySummaryCard />, mockApi(), ledger);
    expect(
      await screen.findByText('Open the reliability record', {}, LAZY),
    ).toBeInTheDocument();
  });

  it('renders the Reliability tab lazily', async () => {
    const api = mockApi();
    renderForEntity(<EntityReliabilityContent />, api, ledger);
    expect(
      await screen.findByText('Service level objectives', {}, LAZY),
    ).toBeInTheDocument();
    expect(api.getEntitySlos).toHaveBeenCalled();
  });
});
