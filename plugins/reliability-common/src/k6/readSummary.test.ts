import fs from 'node:fs';
import path from 'node:path';
import { thresholdOutcome } from '../perfResults';
import { K6ResultsError } from './K6ResultsError';
import { detectK6SummaryFormat, readK6Summary } from './readSummary';
import { corpusPath } from '@readiness/test-corpus';

const corpus = corpusPath('k6');

function load(file: string) {
  return JSON.parse(fs.readFileSync(path.join(corpus, file), 'utf8'));
}

function threshold(
  results: ReturnType<typeof readK6Summary>,
  metric: string,
  expression: string,
) {
  return results.thresholds.find(
    t => t.metric === metric && t.expression === expression,
  );
}

describe('readK6Summary on every summary in the corpus', () => {
  it.each([
    ['error-ingestion/results.json', 'k6-handle-summary'],
    ['petro-transfers/results.json', 'k6-handle-summary'],
    ['qris-payment/summary.json', 'k6-handle-summary'],
    ['api-gateway-benchmarks/summary.json', 'k6-summary-export'],
    ['qr-code-generator-legacy/summary-export.json', 'k6-summary-export'],
    ['ticket-reserve-legacy/summary-export.json', 'k6-summary-export'],
    ['xyz-finance-legacy/k6-results.json', 'k6-summary-export'],
  ])('reads %s as %s', (file, format) => {
    const document = load(file);
    expect(detectK6SummaryFormat(document)).toBe(format);
    const results = readK6Summary(document);
    expect(results.format).toBe(format);
    expect(results.metrics.length).toBe(Object.keys(document.metrics).length);
    expect(results.checks.length).toBeGreaterThan(0);
  });

  it('reads legacy thresholds where true means FAILED', () => {
    const results = readK6Summary(load('xyz-finance-legacy/k6-results.json'));
    expect(threshold(results, 'http_req_failed', 'rate<0.01')?.passed).toBe(
      false,
    );
    expect(threshold(results, 'errors', 'rate<0.05')?.passed).toBe(true);
    expect(threshold(results, 'http_req_duration', 'p(95)<500')?.passed).toBe(
      true,
    );
    expect(results.thresholdsPassed).toBe(false);
    expect(thresholdOutcome(results).reason).toBe(
      'failed: http_req_failed rate<0.01',
    );
  });

  it('counts failed requests as the true samples of http_req_failed', () => {
    const results = readK6Summary(load('xyz-finance-legacy/k6-results.json'));
    const failed = results.metrics.find(m => m.key === 'http_req_failed');
    expect(failed).toMatchObject({
      type: 'rate',
      trueCount: 1272,
      falseCount: 6349,
    });
    expect(failed?.type === 'rate' && failed.rate).toBeCloseTo(0.1669, 4);
  });

  it('reads checks of nested groups', () => {
    const results = readK6Summary(load('xyz-finance-legacy/k6-results.json'));
    expect(results.checks).toContainEqual({
      name: 'setup: login successful',
      path: '::setup::setup: login successful',
      passes: 1,
      fails: 0,
    });
  });

  it('reads tagged sub-metrics', () => {
    const results = readK6Summary(load('api-gateway-benchmarks/summary.json'));
    expect(
      results.metrics.find(m => m.key === 'http_req_failed{gateway:fast}'),
    ).toMatchObject({
      name: 'http_req_failed',
      tags: { gateway: 'fast' },
      type: 'rate',
      trueCount: 0,
    });
    expect(threshold(results, 'fast_latency', 'p(95)<50')?.passed).toBe(false);
    expect(threshold(results, 'yarp_latency', 'p(95)<50')?.passed).toBe(true);
  });

  it('reads handleSummary thresholds from their ok flag', () => {
    const qris = readK6Summary(load('qris-payment/summary.json'));
    expect(qris.thresholds).toHaveLength(6);
    expect(qris.thresholds.every(t => !t.passed)).toBe(true);

    const petro = readK6Summary(load('petro-transfers/results.json'));
    expect(threshold(petro, 'http_req_duration', 'p(95)<15000')?.passed).toBe(
      false,
    );
    expect(threshold(petro, 'success_rate', 'rate>0.90')?.passed).toBe(true);
    expect(petro.durationMs).toBeCloseTo(483191.638248, 3);

    const ingestion = readK6Summary(load('error-ingestion/results.json'));
    expect(threshold(ingestion, 'http_req_duration', 'p(99)<500')?.passed).toBe(
      true,
    );
    expect(ingestion.thresholdsPassed).toBe(false);
  });

  it('keeps every trend statistic the source reported', () => {
    const results = readK6Summary(
      load('qr-code-generator-legacy/summary-export.json'),
    );
    const trend = results.metrics.find(
      m => m.key === 'http_req_duration{expected_response:true}',
    );
    expect(trend?.type === 'trend' && trend.stats).toMatchObject({
      'p(99)': expect.any(Number),
      'p(99.9)': expect.any(Number),
      count: 493168,
    });
    expect(results.thresholdsPassed).toBeUndefined();
    expect(thresholdOutcome(results).passed).toBeUndefined();
  });
});

describe('readK6Summary on the machine-readable summary', () => {
  const document = JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '__fixtures__/machine-readable-failed.json'),
      'utf8',
    ),
  );

  it('reads metrics, checks and the overall verdict', () => {
    const results = readK6Summary(document);
    expect(results.format).toBe('k6-machine-readable');
    expect(results.thresholdsPassed).toBe(false);
    expect(results.durationMs).toBe(300_000);
    expect(results.checks).toEqual([
      { name: 'entry posted', passes: 47730, fails: 480 },
      { name: 'balance updated', passes: 47730, fails: 0 },
    ]);
    expect(results.metrics.find(m => m.key === 'queue_depth')).toMatchObject({
      type: 'gauge',
      value: 12,
      max: 4211,
    });
    expect(results.warnings).toEqual([]);
  });

  it('warns when counts disagree with the rate, and keeps the rate', () => {
    const inconsistent = structuredClone(document);
    inconsistent.results.metrics[2].values = {
      rate: 0.02,
      passes: 1470,
      fails: 30,
    };
    const results = readK6Summary(inconsistent);
    expect(results.warnings).toEqual([
      expect.stringContaining(
        'http_req_failed: passes/fails (1470/30) disagree with rate 0.02',
      ),
    ]);
    expect(
      results.metrics.find(m => m.key === 'http_req_failed'),
    ).toMatchObject({ rate: 0.02 });
  });
});

describe('readK6Summary on bad input', () => {
  function errorOf(document: unknown): K6ResultsError {
    try {
      readK6Summary(document);
    } catch (error) {
      return error as K6ResultsError;
    }
    throw new Error('expected an error');
  }

  it.each([null, 'text', 42, [], {}, { metrics: 'x' }, { results: {} }])(
    'refuses %j as not a k6 summary',
    document => {
      const error = errorOf(document);
      expect(error).toBeInstanceOf(K6ResultsError);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(/not a k6 summary/);
    },
  );

  it('locates a negative duration', () => {
    const error = errorOf({
      metrics: {
        http_req_duration: {
          type: 'trend',
          contains: 'time',
          values: { avg: 12, 'p(95)': -3 },
        },
      },
    });
    expect(error.path).toBe('/metrics/http_req_duration/values/p(95)');
    expect(error.message).toMatch(/must not be negative/);
  });

  it('locates a value that is not a number', () => {
    const error = errorOf({
      metrics: { http_req_duration: { avg: 'NaN', med: 1 } },
    });
    expect(error.path).toBe('/metrics/http_req_duration/avg');
    expect(error.message).toMatch(/expected a finite number, got "NaN"/);
  });

  it('refuses a rate above 1, an unknown type and a malformed threshold', () => {
    expect(
      errorOf({
        metrics: {
          errors: { type: 'rate', values: { rate: 1.5, passes: 1, fails: 0 } },
        },
      }).path,
    ).toBe('/metrics/errors/values/rate');
    expect(
      errorOf({ metrics: { errors: { type: 'histogram', values: {} } } })
        .message,
    ).toMatch(/expected one of trend, rate, counter, gauge/);
    expect(
      errorOf({
        metrics: {
          errors: {
            type: 'rate',
            values: { rate: 0, passes: 0, fails: 1 },
            thresholds: { 'rate<0.1': 'yes' },
          },
        },
      }).path,
    ).toBe('/metrics/errors/thresholds/rate<0.1');
  });

  it('escapes metric names in paths', () => {
    const error = errorOf({
      metrics: { 'a/b~c': { type: 'counter', values: { count: -1 } } },
    });
    expect(error.path).toBe('/metrics/a~1b~0c/values/count');
  });
});

describe('thresholdOutcome', () => {
  it('fails on k6 exit code 99 whatever the summary says', () => {
    expect(
      thresholdOutcome(
        {
          thresholds: [
            {
              metric: 'x',
              expression: 'p(95)<1',
              passed: true,
              source: 'reported',
            },
          ],
          thresholdsPassed: true,
        },
        99,
      ),
    ).toEqual({
      passed: false,
      reason: 'k6 exited with code 99: a threshold failed',
    });
  });

  it('passes when every threshold held and k6 exited 0', () => {
    expect(
      thresholdOutcome(
        {
          thresholds: [
            {
              metric: 'x',
              expression: 'p(95)<1',
              passed: true,
              source: 'reported',
            },
          ],
        },
        0,
      ).passed,
    ).toBe(true);
  });
});
