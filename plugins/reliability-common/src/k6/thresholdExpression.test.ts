import { PerfMetric } from '../perfResults';
import {
  evaluateThreshold,
  parseThresholdExpression,
} from './thresholdExpression';
import { formatMetricKey, parseMetricKey } from './metricKey';

const trend: PerfMetric = {
  key: 'http_req_duration',
  name: 'http_req_duration',
  tags: {},
  contains: 'time',
  type: 'trend',
  stats: { avg: 120, 'p(95)': 480, 'p(99.9)': 1900, count: 10 },
};
const rate: PerfMetric = {
  key: 'http_req_failed',
  name: 'http_req_failed',
  tags: {},
  contains: 'default',
  type: 'rate',
  rate: 0.02,
  trueCount: 2,
  falseCount: 98,
};

describe('threshold expressions', () => {
  it.each([
    ['p(95)<500', true],
    ['p(95) < 400', false],
    ['p(99.9)<=1900', true],
    ['avg>=120', true],
    ['count>10', false],
    ['p(90)<500', undefined],
    ['median<1', undefined],
  ])('%s on a trend is %s', (expression, expected) => {
    expect(evaluateThreshold(trend, expression)).toBe(expected);
  });

  it.each([
    ['rate<0.01', false],
    ['rate<0.05', true],
    ['rate==0.02', true],
    ['rate!=0.02', false],
  ])('%s on a rate is %s', (expression, expected) => {
    expect(evaluateThreshold(rate, expression)).toBe(expected);
  });

  it('parses k6 syntax', () => {
    expect(parseThresholdExpression('p( 95 )<1e3')).toEqual({
      aggregation: 'p(95)',
      operator: '<',
      value: 1000,
    });
    expect(parseThresholdExpression('rate===0')).toMatchObject({
      operator: '==',
    });
    expect(parseThresholdExpression('p(95)<abc')).toBeUndefined();
  });
});

describe('metric keys', () => {
  it('splits names and tag selectors, keeping colons in values', () => {
    expect(
      parseMetricKey('http_req_duration{url:https://x.example/a,status:200}'),
    ).toEqual({
      name: 'http_req_duration',
      tags: { url: 'https://x.example/a', status: '200' },
    });
    expect(parseMetricKey('checks')).toEqual({ name: 'checks', tags: {} });
    expect(
      formatMetricKey('http_req_duration', { expected_response: 'true' }),
    ).toBe('http_req_duration{expected_response:true}');
  });
});
