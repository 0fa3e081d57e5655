import { readCorpusFile } from '@readiness/test-corpus';
import { readK6Summary } from '../k6/readSummary';
import { readOpenSlo } from '../openslo/readOpenSlo';
import { PerfResults } from '../perfResults';
import { durationMs, evaluateSloOnRun, sloCompliance } from './evaluateSlo';

const xyz = readK6Summary(
  JSON.parse(
    readCorpusFile('k6', 'xyz-finance-legacy', 'k6-results.json').toString(
      'utf8',
    ),
  ),
);

function slo(indicator: string, objectives: string) {
  const set = readOpenSlo([
    {
      path: 'slo.yaml',
      content: `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger
spec:
  service: ledger
  indicator:
    spec:
${indicator
  .split('\n')
  .map(l => `      ${l}`)
  .join('\n')}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
${objectives
  .split('\n')
  .map(l => `    ${l}`)
  .join('\n')}
`,
    },
  ]);
  expect(set.problems).toEqual([]);
  return set.slos[0];
}

const latency = (spec: string) =>
  `thresholdMetric:\n  metricSource:\n    type: k6\n    spec:\n${spec
    .split('\n')
    .map(l => `      ${l}`)
    .join('\n')}`;

const run = (results: PerfResults = xyz, scenario = 'transactions') => ({
  scenario,
  results,
});

describe('evaluateSloOnRun with the k6 metric source', () => {
  it('judges a latency objective on a statistic of the run', () => {
    const met = slo(
      latency('metric: http_req_duration\nstatistic: p(95)'),
      '- op: lt\n  value: 500\n  target: 0.99',
    );
    expect(evaluateSloOnRun(met, run())).toEqual([
      {
        slo: 'ledger',
        objective: 0,
        status: 'met',
        actual: 44.631,
        expected: 'p(95) of http_req_duration < 500',
        reason: 'p(95) was 44.63',
      },
    ]);
    const missed = slo(
      latency('metric: http_req_duration'),
      '- op: lt\n  value: 40\n  target: 0.99',
    );
    expect(evaluateSloOnRun(missed, run())[0]).toMatchObject({
      status: 'missed',
      actual: 44.631,
    });
  });

  it('reads sub-metrics by their tags', () => {
    const sub = slo(
      latency(
        'metric: http_req_duration\nstatistic: p(95)\ntags:\n  expected_response: true',
      ),
      '- op: lte\n  value: 45\n  target: 0.99',
    );
    expect(evaluateSloOnRun(sub, run())[0]).toMatchObject({
      status: 'missed',
      actual: 45.21999999999999,
      expected: 'p(95) of http_req_duration{expected_response:true} ≤ 45',
    });
  });

  it('has no data for another scenario or a missing metric, and does not judge other sources', () => {
    const scenario = slo(
      latency('metric: http_req_duration\nscenario: login'),
      '- op: lt\n  value: 500\n  target: 0.99',
    );
    expect(evaluateSloOnRun(scenario, run())[0]).toMatchObject({
      status: 'no-data',
      reason: 'the SLI reads scenario login; this run is transactions',
    });
    const missing = slo(
      latency('metric: queue_depth\nstatistic: max'),
      '- op: lt\n  value: 100\n  target: 0.9',
    );
    expect(evaluateSloOnRun(missing, run())[0]).toMatchObject({
      status: 'no-data',
    });
    const prometheus = slo(
      'thresholdMetric:\n  metricSource:\n    type: Prometheus\n    spec:\n      query: up',
      '- op: lt\n  value: 1\n  target: 0.9',
    );
    expect(evaluateSloOnRun(prometheus, run())[0]).toMatchObject({
      status: 'unsupported',
      reason: 'not a k6 metric source (type: Prometheus)',
    });
  });

  it('judges a ratio objective from failed requests', () => {
    const availability = slo(
      'ratioMetric:\n  counter: true\n  bad:\n    metricSource:\n      type: k6\n      spec:\n        metric: http_req_failed\n  total:\n    metricSource:\n      type: k6\n      spec:\n        metric: http_req_failed',
      '- target: 0.99',
    );
    const [evaluation] = evaluateSloOnRun(availability, run());
    expect(evaluation).toMatchObject({
      status: 'missed',
      expected: 'good ratio ≥ 0.99',
      reason: '6349 good of 7621 (0.8331)',
    });
    expect(evaluation.actual).toBeCloseTo(6349 / 7621, 6);

    const checks = slo(
      'ratioMetric:\n  counter: true\n  good:\n    metricSource:\n      type: k6\n      spec:\n        metric: checks\n  total:\n    metricSource:\n      type: k6\n      spec:\n        metric: checks',
      '- target: 0.999',
    );
    expect(evaluateSloOnRun(checks, run())[0]).toMatchObject({
      status: 'met',
      actual: 1,
    });
  });
});

describe('sloCompliance', () => {
  const fast = {
    ...xyz,
    metrics: xyz.metrics.map(m =>
      m.key === 'http_req_duration' && m.type === 'trend'
        ? { ...m, stats: { ...m.stats, 'p(95)': 20 } }
        : m,
    ),
  };

  it('counts runs as events for threshold SLIs', () => {
    const latencySlo = slo(
      latency('metric: http_req_duration'),
      '- op: lt\n  value: 30\n  target: 0.5',
    );
    const [compliance] = sloCompliance(latencySlo, [
      run(fast),
      run(fast),
      run(xyz),
      run(xyz, 'login'),
      run(xyz),
    ]);
    expect(compliance).toEqual({
      slo: 'ledger',
      objective: 0,
      target: 0.5,
      good: 2,
      total: 5,
      compliance: 0.4,
      errorBudgetRemaining: expect.closeTo(-0.2, 10),
    });
  });

  it('adds up events for ratio SLIs', () => {
    const availability = slo(
      'ratioMetric:\n  counter: true\n  bad:\n    metricSource:\n      type: k6\n      spec:\n        metric: http_req_failed\n  total:\n    metricSource:\n      type: k6\n      spec:\n        metric: http_req_failed',
      '- target: 0.8',
    );
    const [compliance] = sloCompliance(availability, [run(), run()]);
    expect(compliance).toMatchObject({ good: 12698, total: 15242 });
    expect(compliance.errorBudgetRemaining).toBeCloseTo(
      1 - (1 - 12698 / 15242) / 0.2,
      6,
    );
    expect(sloCompliance(availability, [])[0]).toEqual({
      slo: 'ledger',
      objective: 0,
      target: 0.8,
      good: 0,
      total: 0,
    });
  });
});

describe('durationMs', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['28d', 28 * 86_400_000],
    ['1w', 7 * 86_400_000],
    ['1M', 30 * 86_400_000],
  ])('%s is %d ms', (duration, ms) => {
    expect(durationMs(duration)).toBe(ms);
  });

  it('refuses what is no duration', () => {
    expect(() => durationMs('soon')).toThrow('not an OpenSLO duration');
  });
});
