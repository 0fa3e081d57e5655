import { screen, within } from '@testing-library/react';
import {
  emptySlos,
  ledgerSlos,
  mockApi,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { SloObjectivesCard } from './SloObjectivesCard';

describe('SloObjectivesCard', () => {
  it('says which annotation names the OpenSLO files when there are none', async () => {
    renderForEntity(<SloObjectivesCard slos={emptySlos} />, mockApi());
    expect(
      await screen.findByText('No SLOs for this entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/readiness.dev\/openslo: .\/slo.yaml/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How to write them' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/reliability/slos/',
    );
  });

  it('shows each objective with its status, error budget and window', async () => {
    renderForEntity(<SloObjectivesCard slos={ledgerSlos} />, mockApi());
    const table = await screen.findByRole('table', {
      name: 'Service level objectives',
    });
    const p95 = within(table).getByRole('row', { name: /p95 under 300 ms/ });
    expect(
      within(p95).getByText('Journal entry posting latency'),
    ).toBeInTheDocument();
    expect(within(p95).getByText('missed')).toBeInTheDocument();
    expect(within(p95).getByText('p(95) was 412.5')).toBeInTheDocument();
    expect(within(p95).getByText('-100.0 %')).toBeInTheDocument();
    expect(
      within(p95).getByRole('progressbar', {
        name: 'Error budget left: -100.0 %',
      }),
    ).toHaveAttribute('aria-valuenow', '0');
    expect(within(p95).getByText('28d, 10 runs')).toBeInTheDocument();

    const p99 = within(table).getByRole('row', { name: /p99 under 800 ms/ });
    expect(within(p99).getByText('met')).toBeInTheDocument();
    expect(
      within(p99).getByRole('progressbar', {
        name: 'Error budget left: 100.0 %',
      }),
    ).toHaveAttribute('aria-valuenow', '100');
  });

  it('lists the problems of the OpenSLO files', async () => {
    renderForEntity(<SloObjectivesCard slos={ledgerSlos} />, mockApi());
    expect(
      await screen.findByText(/1 problem in the OpenSLO files/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /slo.yaml:61 \/spec\/objectives\/0\/target: expected a number/,
      ),
    ).toBeInTheDocument();
  });
});
