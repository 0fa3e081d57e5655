import { screen, within } from '@testing-library/react';
import { RunRegression } from '@readiness/plugin-reliability-common';
import {
  ledgerTrend,
  mockApi,
  pending,
  regression,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { RunRegressionCard } from './RunRegressionCard';

const run = ledgerTrend.points[2];

describe('RunRegressionCard', () => {
  it('asks for a run to be selected', async () => {
    const api = mockApi();
    renderForEntity(<RunRegressionCard />, api);
    expect(
      await screen.findByText(
        /Select a run, on the trend or in the runs table/,
      ),
    ).toBeInTheDocument();
    expect(api.getRegression).not.toHaveBeenCalled();
  });

  it('shows progress while the verdict loads', async () => {
    renderForEntity(
      <RunRegressionCard run={run} />,
      mockApi({ getRegression: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the verdict with every finding against the median baseline', async () => {
    renderForEntity(<RunRegressionCard run={run} />, mockApi());
    expect(await screen.findByText('regressed')).toBeInTheDocument();
    expect(screen.getByText(regression.reason)).toBeInTheDocument();
    expect(
      screen.getByText('Median baseline of 2 earlier passing runs'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Regression findings' });
    const latency = within(table).getByRole('row', {
      name: /http_req_duration/,
    });
    expect(within(latency).getByText('256.0 ms')).toBeInTheDocument();
    expect(within(latency).getByText('412.5 ms')).toBeInTheDocument();
    expect(within(latency).getByText('+156.5 ms')).toBeInTheDocument();
    expect(within(latency).getByText('+10 %')).toBeInTheDocument();
    expect(within(latency).getByText('worse')).toBeInTheDocument();
    const errors = within(table).getByRole('row', { name: /http_req_failed/ });
    expect(within(errors).getByText('0.15 %')).toBeInTheDocument();
    expect(within(errors).getByText('+0.01 pt')).toBeInTheDocument();
    expect(within(errors).getByText('ok')).toBeInTheDocument();
  });

  it('names who pinned a pinned baseline', async () => {
    const pinned: RunRegression = {
      ...regression,
      regressed: false,
      reason: 'within tolerance of the baseline',
      baseline: {
        kind: 'pinned',
        runIds: ['r1'],
        pinnedBy: 'user:default/ana',
        pinnedAt: '2026-11-20T09:00:00Z',
      },
    };
    renderForEntity(
      <RunRegressionCard run={run} />,
      mockApi({ getRegression: jest.fn(async () => pinned) }),
    );
    expect(await screen.findByText('within tolerance')).toBeInTheDocument();
    expect(
      screen.getByText(/Pinned baseline: run r1, pinned by user:default\/ana/),
    ).toBeInTheDocument();
  });

  it('shows why the verdict could not be read', async () => {
    renderForEntity(
      <RunRegressionCard run={run} />,
      mockApi({
        getRegression: jest.fn(async () => {
          throw new Error('Run r3 was not found');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/Run r3 was not found/)).length,
    ).toBeGreaterThan(0);
  });
});
