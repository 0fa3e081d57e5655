import { readCorpusFile } from '@readiness/test-corpus';
import { readK6Summary } from '../k6/readSummary';
import { PerfResults } from '../perfResults';
import {
  compareRuns,
  detectRegression,
  medianBaseline,
  statsOf,
} from './regression';

const xyz = readK6Summary(
  JSON.parse(
    readCorpusFile('k6', 'xyz-finance-legacy', 'k6-results.json').toString(
      'utf8',
    ),
  ),
);

/** A copy of the run with http_req_duration percentiles and the error rate scaled. */
function variant(latencyFactor: number, errorRate: number): PerfResults {
  return {
    ...xyz,
    metrics: xyz.metrics.map(m => {
      if (m.key === 'http_req_duration' && m.type === 'trend') {
        return {
          ...m,
          stats: Object.fromEntries(
            Object.entries(m.stats).map(([k, v]) => [k, v * latencyFactor]),
          ),
        };
      }
      if (m.key === 'http_req_failed' && m.type === 'rate') {
        return { ...m, rate: errorRate };
      }
      return m;
    }),
  };
}

describe('medianBaseline', () => {
  it('takes the median of each statistic, robust to one odd run', () => {
    const baseline = medianBaseline([
      variant(1, 0.01),
      variant(10, 0.5),
      variant(1.2, 0.02),
    ]);
    expect(baseline.trends.http_req_duration['p(95)']).toBeCloseTo(
      44.631 * 1.2,
      6,
    );
    expect(baseline.rates.http_req_failed).toBe(0.02);
  });

  it('averages the middle two of an even number of runs', () => {
    const baseline = medianBaseline([variant(1, 0.01), variant(2, 0.03)]);
    expect(baseline.trends.http_req_duration['p(95)']).toBeCloseTo(
      44.631 * 1.5,
      6,
    );
    expect(baseline.rates.http_req_failed).toBeCloseTo(0.02, 10);
  });
});

describe('detectRegression', () => {
  const baseline = statsOf(variant(1, 0.01));

  it('passes a run within tolerance', () => {
    const verdict = detectRegression(variant(1.05, 0.012), baseline);
    expect(verdict.regressed).toBe(false);
    expect(verdict.reason).toBe('within tolerance of the baseline');
    expect(verdict.findings.map(f => f.statistic)).toEqual(['p(95)', 'rate']);
  });

  it('flags slower p95 and more errors beyond tolerance', () => {
    const verdict = detectRegression(variant(1.2, 0.02), baseline);
    expect(verdict.regressed).toBe(true);
    expect(verdict.findings).toEqual([
      expect.objectContaining({
        statistic: 'p(95)',
        regressed: true,
        tolerance: '+10 %',
      }),
      expect.objectContaining({
        statistic: 'rate',
        regressed: true,
        tolerance: '+0.005',
      }),
    ]);
    expect(verdict.reason).toMatch(
      /^worse than the baseline: http_req_duration p\(95\) 44\.631 → 53\.557/,
    );
  });

  it('takes tolerances as configured', () => {
    const verdict = detectRegression(variant(1.2, 0.02), baseline, {
      latency: 0.25,
      errorRate: 0.02,
      latencyMetric: 'http_req_duration',
      errorMetric: 'http_req_failed',
    });
    expect(verdict.regressed).toBe(false);
  });

  it('cannot judge without the compared metrics', () => {
    const verdict = detectRegression({ ...xyz, metrics: [] }, baseline);
    expect(verdict.regressed).toBeUndefined();
    expect(verdict.reason).toMatch(/neither the run nor the baseline/);
  });
});

describe('compareRuns', () => {
  it('lists every shared statistic with its change', () => {
    const differences = compareRuns(variant(1, 0.01), variant(2, 0.03));
    expect(differences).toContainEqual({
      metric: 'http_req_duration',
      statistic: 'p(95)',
      a: 44.631,
      b: 89.262,
      change: 44.631,
      relativeChange: 1,
    });
    expect(differences).toContainEqual(
      expect.objectContaining({
        metric: 'http_req_failed',
        statistic: 'rate',
        a: 0.01,
        b: 0.03,
      }),
    );
    expect(differences.every(d => d.metric !== 'vus')).toBe(true);
  });
});
