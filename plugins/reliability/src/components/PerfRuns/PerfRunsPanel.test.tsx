import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Grid from '@material-ui/core/Grid';
import {
  emptyTrend,
  forbidden,
  ledgerTrend,
  mockApi,
  pending,
  readTrend,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { PerfRunsPanel } from './PerfRunsPanel';
import { ReliabilityApi } from '@readiness/plugin-reliability-common';

function render(api: ReliabilityApi) {
  return renderForEntity(
    <Grid container>
      <PerfRunsPanel />
    </Grid>,
    api,
  );
}

describe('PerfRunsPanel', () => {
  it('shows progress while the trend loads', async () => {
    render(mockApi({ getEntityTrend: jest.fn(() => pending()) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Perf trend')).toBeInTheDocument();
  });

  it('says how CI publishes runs when there are none', async () => {
    render(mockApi({ getEntityTrend: jest.fn(async () => emptyTrend) }));
    expect(
      await screen.findByText('No perf runs published yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /POST \/api\/reliability\/v1\/runs .*component:default\/ledger/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How CI publishes runs' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/reliability/publishing-runs/',
    );
    expect(screen.queryByText('Perf runs')).not.toBeInTheDocument();
  });

  it('shows why the trend could not be read', async () => {
    render(
      mockApi({
        getEntityTrend: jest.fn(async () => {
          throw new Error('trend exploded');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/trend exploded/)).length,
    ).toBeGreaterThan(0);
  });

  it('says the record is internal on a refusal', async () => {
    render(
      mockApi({
        getEntityTrend: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });

  it('draws p95, p99 and error rate per run with the baseline and the objectives', async () => {
    const api = mockApi({ getEntityTrend: jest.fn(async () => ledgerTrend) });
    const { container } = render(api);
    const chart = await screen.findByRole('group', {
      name: 'Perf trend chart',
    });
    expect(api.getEntityTrend).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'ledger' },
      { scenario: undefined, environment: undefined, limit: 50 },
    );
    // recharts draws the series once it has measured the axes
    await within(chart).findAllByRole('button', {
      name: /^p95 latency of the run/,
    });
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(3);
    for (const name of ['p95 latency', 'p99 latency', 'error rate']) {
      expect(within(chart).getByText(name)).toBeInTheDocument();
    }
    // one button per run on each series
    expect(
      within(chart).getAllByRole('button', { name: /^p95 latency of the run/ }),
    ).toHaveLength(3);
    expect(within(chart).getByText('baseline p95')).toBeInTheDocument();
    expect(within(chart).getByText('baseline p99')).toBeInTheDocument();
    expect(within(chart).getByText('baseline error rate')).toBeInTheDocument();
    expect(
      within(chart).getByText('ledger-posting-latency'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the median of 2 passing runs/),
    ).toBeInTheDocument();

    const queues = screen.getByRole('group', { name: 'Queue metrics chart' });
    await waitFor(() =>
      expect(queues.querySelectorAll('.recharts-line')).toHaveLength(2),
    );
    expect(
      within(queues).getByText('queue_drain_ms{queue:ledger.postings}'),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-wrapper')).toHaveLength(2);
  });

  it('reads the trend of the scenario picked', async () => {
    const api = mockApi({
      getEntityTrend: jest.fn(async (_entity, query) =>
        query?.scenario === 'ledger-read' ? readTrend : ledgerTrend,
      ),
    });
    render(api);
    const picker = await screen.findByLabelText('Scenario and environment');
    expect(picker).toHaveValue('0');
    fireEvent.change(picker, { target: { value: '1' } });
    await waitFor(() =>
      expect(api.getEntityTrend).toHaveBeenLastCalledWith(
        { kind: 'component', namespace: 'default', name: 'ledger' },
        { scenario: 'ledger-read', environment: 'staging', limit: 50 },
      ),
    );
    expect(
      await screen.findByText('Each run of ledger-read in staging'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Queue metrics chart' }),
    ).toBeNull();
  });

  it('selects a run from a point of the chart and shows its regression verdict', async () => {
    const api = mockApi({ getEntityTrend: jest.fn(async () => ledgerTrend) });
    render(api);
    expect(
      await screen.findByText(
        /Select a run, on the trend or in the runs table/,
      ),
    ).toBeInTheDocument();
    const chart = screen.getByRole('group', { name: 'Perf trend chart' });
    const points = await within(chart).findAllByRole('button', {
      name: /^p95 latency of the run/,
    });
    fireEvent.click(points[2]);
    await waitFor(() => expect(api.getRegression).toHaveBeenCalledWith('r3'));
    expect(await screen.findByText('regressed')).toBeInTheDocument();
    expect(
      screen.getByText('Median baseline of 2 earlier passing runs'),
    ).toBeInTheDocument();
    expect(
      within(chart).getAllByRole('button', {
        name: /^p95 latency of the run/,
      })[2],
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('selects a run from the keyboard on the runs table', async () => {
    const api = mockApi({ getEntityTrend: jest.fn(async () => ledgerTrend) });
    render(api);
    const rows = await screen.findAllByRole('row', { name: /^Run started/ });
    // newest first
    fireEvent.keyDown(rows[2], { key: 'Enter' });
    await waitFor(() => expect(api.getRegression).toHaveBeenCalledWith('r1'));
  });

  it('compares the two runs ticked, older against newer, and marks what got worse', async () => {
    const api = mockApi({ getEntityTrend: jest.fn(async () => ledgerTrend) });
    render(api);
    const boxes = await screen.findAllByRole('checkbox', {
      name: /^Compare the run started/,
    });
    expect(
      screen.getByText(/Tick two runs in the runs table/),
    ).toBeInTheDocument();
    // rows are newest first: r3, r2, r1
    fireEvent.click(boxes[0]);
    expect(screen.getByText(/One more to go/)).toBeInTheDocument();
    fireEvent.click(boxes[1]);
    const table = await screen.findByRole('table', { name: 'Run comparison' });
    expect(api.compareRuns).toHaveBeenCalledWith('r2', 'r3');
    expect(boxes[2]).toBeDisabled();
    // ticking runs does not select one for the regression card
    expect(api.getRegression).not.toHaveBeenCalled();
    const latency = within(table).getByRole('row', {
      name: /http_req_duration/,
    });
    expect(within(latency).getByText('+150.50')).toBeInTheDocument();
    expect(within(latency).getByText('+57.4 %')).toBeInTheDocument();
    expect(within(latency).getByTitle('worse')).toBeInTheDocument();
    const failed = within(table).getByRole('row', { name: /http_req_failed/ });
    expect(within(failed).getByText('+1.00 pt')).toBeInTheDocument();
    expect(within(failed).getByTitle('worse')).toBeInTheDocument();
    const checks = within(table).getByRole('row', { name: /checks/ });
    expect(within(checks).getByTitle('better')).toBeInTheDocument();

    fireEvent.click(boxes[0]);
    await waitFor(() => expect(boxes[2]).not.toBeDisabled());
    expect(screen.getByText(/One more to go/)).toBeInTheDocument();
  });
});
