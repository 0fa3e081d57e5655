import { readOpenSlo } from '../openslo/readOpenSlo';
import { PerfRun } from '../perfRun';
import { PerfResults } from '../perfResults';
import { decideGate } from './gate';

function results(p95: number, thresholdPassed = true): PerfResults {
  return {
    format: 'k6-handle-summary',
    metrics: [
      {
        key: 'http_req_duration',
        name: 'http_req_duration',
        tags: {},
        contains: 'time',
        type: 'trend',
        stats: { 'p(95)': p95 },
      },
      {
        key: 'http_req_failed',
        name: 'http_req_failed',
        tags: {},
        contains: 'default',
        type: 'rate',
        rate: 0.001,
        trueCount: 1,
        falseCount: 999,
      },
    ],
    thresholds: [
      {
        metric: 'http_req_duration',
        expression: 'p(95)<500',
        passed: thresholdPassed,
        source: 'reported',
      },
    ],
    checks: [],
    warnings: [],
  };
}

function run(
  id: string,
  scenario: string,
  p95: number,
  options: { exit?: number; thresholds?: boolean; at?: string } = {},
): PerfRun {
  return {
    id,
    entityRef: 'component:default/ledger',
    scenario,
    environment: 'staging',
    release: '2026.11.4',
    startedAt: options.at ?? '2026-11-27T10:00:00.000Z',
    finishedAt: '2026-11-27T10:05:00.000Z',
    idempotencyKey: id,
    createdAt: '2026-11-27T10:06:00.000Z',
    format: 'k6-handle-summary',
    ...(options.exit !== undefined && { k6ExitCode: options.exit }),
    results: results(p95, options.thresholds ?? true),
  };
}

const [latency] = readOpenSlo([
  {
    path: 'slo.yaml',
    content: `apiVersion: openslo/v1
kind: SLO
metadata:
  name: post-latency
spec:
  service: ledger
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: k6
          spec: { metric: http_req_duration, scenario: ledger-post }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lt, value: 300, target: 0.95 }]
`,
  },
]).slos;

const fine = {
  regressed: false,
  findings: [],
  reason: 'within tolerance of the baseline',
};

function gate(
  runs: PerfRun[],
  regressions: Record<string, any> = {},
  required = ['ledger-post'],
) {
  return decideGate({
    entityRef: 'component:default/ledger',
    release: '2026.11.4',
    environment: 'staging',
    runs,
    slos: [latency],
    requiredScenarios: required,
    regressions: Object.fromEntries(
      runs.map(r => [r.id, regressions[r.id] ?? fine]),
    ),
  });
}

describe('decideGate', () => {
  it('passes when every input passes, with a reason for each', () => {
    const verdict = gate([run('r1', 'ledger-post', 250, { exit: 0 })]);
    expect(verdict.status).toBe('pass');
    expect(verdict.reasons.map(r => [r.input, r.subject, r.status])).toEqual([
      ['scenario', 'ledger-post', 'pass'],
      ['thresholds', 'ledger-post', 'pass'],
      ['regression', 'ledger-post', 'pass'],
      ['slo', 'post-latency', 'pass'],
    ]);
    expect(verdict.runIds).toEqual(['r1']);
  });

  it('judges the newest run of each scenario', () => {
    const verdict = gate([
      run('new', 'ledger-post', 250, { at: '2026-11-27T12:00:00.000Z' }),
      run('old', 'ledger-post', 900, { at: '2026-11-27T09:00:00.000Z' }),
    ]);
    expect(verdict.status).toBe('pass');
    expect(verdict.runIds).toEqual(['new']);
  });

  it('fails on a missed objective, failed thresholds, exit code 99, a regression or a missing scenario', () => {
    expect(gate([run('r1', 'ledger-post', 350)]).status).toBe('fail');
    expect(
      gate([run('r1', 'ledger-post', 250, { thresholds: false })]).status,
    ).toBe('fail');
    const exit99 = gate([run('r1', 'ledger-post', 250, { exit: 99 })]);
    expect(exit99.status).toBe('fail');
    expect(exit99.reasons.find(r => r.input === 'thresholds')?.message).toBe(
      'k6 exited with code 99: a threshold failed',
    );
    expect(
      gate([run('r1', 'ledger-post', 250)], {
        r1: {
          regressed: true,
          findings: [],
          reason: 'worse than the baseline',
        },
      }).status,
    ).toBe('fail');
    const missing = gate([run('r1', 'ledger-post', 250)], {}, [
      'ledger-post',
      'ledger-read',
    ]);
    expect(missing.status).toBe('fail');
    expect(missing.reasons).toContainEqual(
      expect.objectContaining({
        subject: 'ledger-read',
        message: 'required scenario ledger-read has no run for this release',
      }),
    );
  });

  it('is unknown without runs, or when an input cannot be judged', () => {
    const none = gate([]);
    expect(none.status).toBe('fail');
    const nothingRequired = gate([], {}, []);
    expect(nothingRequired.status).toBe('unknown');
    expect(nothingRequired.reasons).toContainEqual(
      expect.objectContaining({
        message: 'no perf run was published for this release and environment',
      }),
    );
    const otherScenario = gate([run('r1', 'ledger-read', 250)], {}, []);
    expect(otherScenario.status).toBe('unknown');
    expect(otherScenario.reasons).toContainEqual(
      expect.objectContaining({
        input: 'slo',
        status: 'unknown',
        message: 'no run of scenario ledger-post for this release',
      }),
    );
  });
});
