import { fireEvent, screen, within } from '@testing-library/react';
import {
  comparison,
  forbidden,
  ledgerTrend,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { RunComparisonCard } from './RunComparisonCard';

const points = ledgerTrend.points;

describe('RunComparisonCard', () => {
  it('says another run must be published when there is only one', async () => {
    renderForEntity(
      <RunComparisonCard points={points.slice(0, 1)} comparedRunIds={[]} />,
      mockApi(),
    );
    expect(
      await screen.findByText('One run is not enough to compare'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/POST \/api\/reliability\/v1\/runs/),
    ).toBeInTheDocument();
  });

  it('shows progress while the comparison loads', async () => {
    renderForEntity(
      <RunComparisonCard points={points} comparedRunIds={['r3', 'r1']} />,
      mockApi({ compareRuns: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('compares the older run with the newer, whatever the order they were ticked in', async () => {
    const api = mockApi();
    renderForEntity(
      <RunComparisonCard points={points} comparedRunIds={['r3', 'r2']} />,
      api,
    );
    const table = await screen.findByRole('table', { name: 'Run comparison' });
    expect(api.compareRuns).toHaveBeenCalledWith('r2', 'r3');
    const latency = within(table).getByRole('row', {
      name: /http_req_duration/,
    });
    for (const text of ['p(95)', '262.00', '412.50', '+150.50', '+57.4 %']) {
      expect(within(latency).getByText(text)).toBeInTheDocument();
    }
    const errors = within(table).getByRole('row', { name: /http_req_failed/ });
    expect(within(errors).getByText('0.20 %')).toBeInTheDocument();
    expect(within(errors).getByText('1.20 %')).toBeInTheDocument();
    expect(within(errors).getByText('+500.0 %')).toBeInTheDocument();
  });

  it('hides the statistics that did not change until asked', async () => {
    renderForEntity(
      <RunComparisonCard points={points} comparedRunIds={['r1', 'r2']} />,
      mockApi({
        compareRuns: jest.fn(async () => ({
          ...comparison,
          differences: [
            ...comparison.differences,
            {
              metric: 'http_req_blocked',
              statistic: 'avg',
              a: 0,
              b: 0,
              change: 0,
            },
          ],
        })),
      }),
    );
    const table = await screen.findByRole('table', { name: 'Run comparison' });
    expect(within(table).queryByText('http_req_blocked')).toBeNull();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Show the 1 unchanged statistic' }),
    );
    const row = within(table).getByRole('row', { name: /http_req_blocked/ });
    expect(within(row).getByText('—')).toBeInTheDocument();
  });

  it('says when the runs share no statistic', async () => {
    renderForEntity(
      <RunComparisonCard points={points} comparedRunIds={['r1', 'r2']} />,
      mockApi({
        compareRuns: jest.fn(async () => ({
          a: 'r1',
          b: 'r2',
          differences: [],
        })),
      }),
    );
    expect(
      await screen.findByText(/The two runs share no statistic/),
    ).toBeInTheDocument();
  });

  it('says the record is internal on a refusal', async () => {
    renderForEntity(
      <RunComparisonCard points={points} comparedRunIds={['r1', 'r2']} />,
      mockApi({
        compareRuns: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });
});
