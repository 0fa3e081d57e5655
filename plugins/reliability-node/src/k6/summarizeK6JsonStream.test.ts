import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { PerfMetric } from '@readiness/plugin-reliability-common';
import { summarizeK6JsonStream } from './summarizeK6JsonStream';
import { corpusPath } from '@readiness/test-corpus';

const corpus = corpusPath('k6');
const contacts = fs.readFileSync(
  path.join(corpus, 'contacts-flow-jsonl/results.jsonl'),
);
const redis = fs.readFileSync(
  path.join(corpus, 'redis-operator-jsonl/results.jsonl'),
);

/** Feeds a buffer in small chunks, splitting lines and characters anywhere. */
function streamOf(buffer: Buffer, chunkSize = 777) {
  return Readable.from(
    (function* chunks() {
      for (let i = 0; i < buffer.length; i += chunkSize) {
        yield buffer.subarray(i, i + chunkSize);
      }
    })(),
  );
}

/** The exact samples of a metric, straight from the file. */
function samplesOf(
  buffer: Buffer,
  metric: string,
  tags: Record<string, string> = {},
) {
  return buffer
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
    .filter(
      l =>
        l.type === 'Point' &&
        l.metric === metric &&
        Object.entries(tags).every(([k, v]) => l.data.tags?.[k] === v),
    )
    .map(l => l.data.value as number);
}

function find(metrics: PerfMetric[], key: string) {
  const metric = metrics.find(m => m.key === key);
  if (!metric) throw new Error(`no ${key} in ${metrics.map(m => m.key)}`);
  return metric;
}

function expectPercentile(actual: number, samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = sorted[Math.floor(rank)];
  const high = sorted[Math.ceil(rank)];
  // HDR histograms keep 3 significant digits
  expect(actual).toBeGreaterThanOrEqual(low * 0.999 - 0.001);
  expect(actual).toBeLessThanOrEqual(high * 1.001 + 0.001);
}

describe('summarizeK6JsonStream', () => {
  it('summarises the contacts flow stream exactly where exactness is possible', async () => {
    const results = await summarizeK6JsonStream(streamOf(contacts));
    expect(results.format).toBe('k6-json-stream');

    const durations = samplesOf(contacts, 'http_req_duration');
    const trend = find(results.metrics, 'http_req_duration');
    if (trend.type !== 'trend') throw new Error('not a trend');
    expect(trend.stats.count).toBe(durations.length);
    expect(trend.stats.min).toBe(Math.min(...durations));
    expect(trend.stats.max).toBe(Math.max(...durations));
    expect(trend.stats.avg).toBeCloseTo(
      durations.reduce((a, b) => a + b, 0) / durations.length,
      6,
    );
    expectPercentile(trend.stats['p(95)'], durations, 95);
    expectPercentile(trend.stats.med, durations, 50);

    const expected = samplesOf(contacts, 'http_req_duration', {
      expected_response: 'true',
    });
    const sub = find(
      results.metrics,
      'http_req_duration{expected_response:true}',
    );
    expect(sub).toMatchObject({
      name: 'http_req_duration',
      tags: { expected_response: 'true' },
    });
    expect(sub.type === 'trend' && sub.stats.count).toBe(expected.length);

    const reqs = find(results.metrics, 'http_reqs');
    expect(reqs.type === 'counter' && reqs.count).toBe(
      samplesOf(contacts, 'http_reqs').reduce((a, b) => a + b, 0),
    );
    expect(results.durationMs).toBeGreaterThan(0);
  });

  it('evaluates the thresholds the stream declares', async () => {
    const results = await summarizeK6JsonStream(streamOf(redis));
    const failedSamples = samplesOf(redis, 'http_req_failed');
    const failedRate =
      failedSamples.filter(v => v !== 0).length / failedSamples.length;
    const durations = samplesOf(redis, 'http_req_duration');

    expect(results.thresholds).toEqual(
      expect.arrayContaining([
        {
          metric: 'http_req_failed',
          expression: 'rate<0.01',
          passed: failedRate < 0.01,
          source: 'computed',
        },
        expect.objectContaining({
          metric: 'http_req_duration',
          expression: 'p(99)<1000',
        }),
      ]),
    );
    const p99 = find(results.metrics, 'http_req_duration');
    expect(p99.type === 'trend' && p99.stats['p(99)']).toBeDefined();
    expectPercentile((p99 as any).stats['p(99)'], durations, 99);
    expect(results.thresholdsPassed).toBe(
      results.thresholds.every(t => t.passed),
    );
  });

  it('reads a gzip stream to the same result', async () => {
    const plain = await summarizeK6JsonStream(streamOf(redis));
    const zipped = await summarizeK6JsonStream(streamOf(gzipSync(redis), 100));
    expect(zipped).toEqual(plain);
  });

  it('counts checks per name from the checks metric', async () => {
    const lines = [
      '{"type":"Metric","data":{"name":"checks","type":"rate","contains":"default","thresholds":[],"submetrics":null},"metric":"checks"}',
      '{"type":"Point","metric":"checks","data":{"time":"2026-11-01T10:00:00Z","value":1,"tags":{"check":"status is 200","group":""}}}',
      '{"type":"Point","metric":"checks","data":{"time":"2026-11-01T10:00:01Z","value":0,"tags":{"check":"status is 200","group":""}}}',
      '{"type":"Point","metric":"checks","data":{"time":"2026-11-01T10:00:02Z","value":1,"tags":{"check":"has body","group":"::upload"}}}',
    ];
    const results = await summarizeK6JsonStream(
      Readable.from([lines.join('\n')]),
    );
    expect(results.checks).toEqual([
      { name: 'status is 200', path: '::status is 200', passes: 1, fails: 1 },
      { name: 'has body', path: '::upload::has body', passes: 1, fails: 0 },
    ]);
    expect(find(results.metrics, 'checks')).toMatchObject({
      rate: 2 / 3,
      trueCount: 2,
      falseCount: 1,
    });
    expect(results.durationMs).toBe(2000);
  });

  describe('bad input', () => {
    async function failure(input: Buffer | string, options = {}) {
      const buffer = typeof input === 'string' ? Buffer.from(input) : input;
      return summarizeK6JsonStream(streamOf(buffer), options).then(
        () => {
          throw new Error('expected an error');
        },
        error => error,
      );
    }

    it('refuses a stream cut in the middle of a line', async () => {
      const cut = redis.subarray(0, Math.floor(redis.length / 2));
      const error = await failure(cut);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(/ends in the middle of a line: truncated/);
    });

    it('refuses a truncated gzip stream', async () => {
      const zipped = gzipSync(redis);
      const error = await failure(zipped.subarray(0, zipped.length - 100));
      expect(error.message).toMatch(/gzip stream is truncated or corrupt/);
    });

    it('locates a line that is not JSON', async () => {
      const lines = redis.toString('utf8').split('\n');
      lines.splice(10, 0, 'garbage {');
      const error = await failure(lines.join('\n'));
      expect(error.path).toBe('line 11');
      expect(error.message).toMatch(/not a JSON object/);
    });

    it('refuses impossible values', async () => {
      const declare =
        '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"http_req_duration"}\n';
      const negative = await failure(
        `${declare}{"type":"Point","metric":"http_req_duration","data":{"time":"2026-11-01T10:00:00Z","value":-5,"tags":{}}}\n`,
      );
      expect(negative.path).toBe('line 2');
      expect(negative.message).toMatch(/must not be negative/);
      const nan = await failure(
        `${declare}{"type":"Point","metric":"http_req_duration","data":{"time":"2026-11-01T10:00:00Z","value":"NaN","tags":{}}}\n`,
      );
      expect(nan.message).toMatch(/expected a finite number, got "NaN"/);
    });

    it('refuses what is not a k6 stream', async () => {
      expect((await failure('')).message).toMatch(/no Metric lines/);
      expect((await failure('{"hello":"world"}\n')).message).toMatch(
        /expected a k6 "Metric" or "Point" line/,
      );
      expect(
        (await failure('x'.repeat(5000), { maxLineLength: 1000 })).message,
      ).toMatch(/longer than 1000 characters/);
    });
  });

  it('keeps memory flat over many samples', async () => {
    const samples = 200_000;
    const lines = function* generate() {
      yield '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":["p(95)<250"],"submetrics":[{"name":"http_req_duration{status:200}","suffix":"status:200","tags":{"status":"200"}}]},"metric":"http_req_duration"}\n';
      for (let i = 0; i < samples; i++) {
        const value = (i % 1000) / 4;
        yield `{"type":"Point","metric":"http_req_duration","data":{"time":"2026-11-01T10:00:00Z","value":${value},"tags":{"status":"${
          i % 10 === 0 ? 500 : 200
        }"}}}\n`;
      }
    };
    const results = await summarizeK6JsonStream(Readable.from(lines()));
    const whole = find(results.metrics, 'http_req_duration');
    const ok = find(results.metrics, 'http_req_duration{status:200}');
    expect(whole.type === 'trend' && whole.stats.count).toBe(samples);
    expect(ok.type === 'trend' && ok.stats.count).toBe(samples * 0.9);
    // values 0..249.75 uniformly: p(95) is about 237.4
    expect((whole as any).stats['p(95)']).toBeCloseTo(237.4, 0);
    expect(results.thresholds).toEqual([
      {
        metric: 'http_req_duration',
        expression: 'p(95)<250',
        passed: true,
        source: 'computed',
      },
    ]);
  });
});
