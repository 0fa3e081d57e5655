import { EntityTrend } from '@readiness/plugin-reliability-common';
import { referenceLinesOf } from './PerfTrendChart';

const colors = { baseline: 'grey', objective: 'orange' };

function trend(overrides: Partial<EntityTrend>): EntityTrend {
  return {
    entityRef: 'component:default/ledger',
    series: [],
    points: [],
    objectives: [],
    ...overrides,
  } as EntityTrend;
}

describe('referenceLinesOf', () => {
  it('draws the baseline dashed on its axes, the error rate in percent', () => {
    const lines = referenceLinesOf(
      trend({
        baseline: { kind: 'pinned', runIds: ['r1'], p95: 120, errorRate: 0.02 },
      }),
      colors,
    );
    expect(lines).toEqual([
      {
        key: 'baseline-p95',
        axis: 'latency',
        y: 120,
        label: 'pinned baseline p95',
        color: 'grey',
        dashed: true,
        position: 'insideBottomLeft',
      },
      {
        key: 'baseline-error rate',
        axis: 'rate',
        y: 2,
        label: 'pinned baseline error rate',
        color: 'grey',
        dashed: true,
        position: 'insideBottomRight',
      },
    ]);
  });

  it('draws objectives solid, labelled with their SLO', () => {
    const lines = referenceLinesOf(
      trend({
        baseline: { kind: 'median', runIds: ['r1', 'r2'], p99: 300 },
        objectives: [
          {
            slo: 'ledger-latency',
            objective: 'p95',
            statistic: 'p95',
            value: 250,
          },
          {
            slo: 'ledger-availability',
            objective: 'errors',
            statistic: 'errorRate',
            value: 0.001,
          },
        ],
      }),
      colors,
    );
    expect(lines.map(l => [l.label, l.axis, l.y, l.dashed, l.color])).toEqual([
      ['baseline p99', 'latency', 300, true, 'grey'],
      ['ledger-latency', 'latency', 250, false, 'orange'],
      ['ledger-availability', 'rate', 0.1, false, 'orange'],
    ]);
  });

  it('draws nothing without a baseline or objectives', () => {
    expect(referenceLinesOf(trend({}), colors)).toEqual([]);
  });
});
