/*
 * Summarises k6's `--out json` stream (one JSON object per line: `Metric`
 * declarations and `Point` samples) in one pass and bounded memory: trends go
 * into HDR histograms (3 significant digits), everything else into counters,
 * so memory depends on the number of metrics, not on the number of samples.
 * The stream carries threshold expressions but not their outcomes; they are
 * evaluated here from the computed statistics.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as hdr from 'hdr-histogram-js';
import {
  evaluateThreshold,
  formatMetricKey,
  K6ResultsError,
  parseMetricKey,
  parseThresholdExpression,
  PerfMetric,
  PerfMetricContains,
  PerfCheck,
  PerfResults,
  PerfThreshold,
} from '@readiness/plugin-reliability-common';

/** @public */
export interface K6JsonStreamOptions {
  /** Longest line accepted, in characters (default 1 MiB). */
  maxLineLength?: number;
}

type MetricType = 'trend' | 'rate' | 'counter' | 'gauge';

/** Trend values are recorded in thousandths, keeping three decimals of milliseconds. */
const SCALE = 1000;
const STANDARD_PERCENTILES = [50, 90, 95, 99, 99.9];
/** Checks are counted per name; more distinct names than this are lumped together. */
const MAX_CHECKS = 1000;

class Aggregate {
  readonly thresholds: string[] = [];
  private histogram?: hdr.Histogram;
  private count = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;
  private trues = 0;
  private last = 0;
  clampedNegatives = 0;

  constructor(
    readonly key: string,
    readonly type: MetricType,
    readonly contains: PerfMetricContains,
  ) {
    if (type === 'trend') {
      this.histogram = hdr.build({
        useWebAssembly: false,
        autoResize: true,
        numberOfSignificantValueDigits: 3,
      });
    }
  }

  add(value: number) {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.last = value;
    if (value !== 0) this.trues += 1;
    if (this.histogram) {
      if (value < 0) {
        this.clampedNegatives += 1;
      }
      this.histogram.recordValue(Math.round(Math.max(0, value) * SCALE));
    }
  }

  toMetric(durationSeconds: number | undefined): PerfMetric {
    const { name, tags } = parseMetricKey(this.key);
    const base = { key: this.key, name, tags, contains: this.contains };
    switch (this.type) {
      case 'trend': {
        const stats: Record<string, number> = { count: this.count };
        if (this.count > 0) {
          stats.avg = this.sum / this.count;
          stats.min = this.min;
          stats.max = this.max;
          const wanted = new Set(STANDARD_PERCENTILES);
          for (const expression of this.thresholds) {
            const parsed = parseThresholdExpression(expression);
            const p = parsed && /^p\((.+)\)$/.exec(parsed.aggregation);
            if (p) wanted.add(Number(p[1]));
          }
          for (const percentile of [...wanted].sort((a, b) => a - b)) {
            const value =
              this.histogram!.getValueAtPercentile(percentile) / SCALE;
            // The histogram rounds to its buckets; never report past the extremes
            const bounded = Math.min(this.max, Math.max(this.min, value));
            stats[percentile === 50 ? 'med' : `p(${percentile})`] = bounded;
          }
        }
        return { ...base, type: 'trend', stats };
      }
      case 'rate':
        return {
          ...base,
          type: 'rate',
          rate: this.count > 0 ? this.trues / this.count : 0,
          trueCount: this.trues,
          falseCount: this.count - this.trues,
        };
      case 'counter':
        return {
          ...base,
          type: 'counter',
          count: this.sum,
          ...(durationSeconds &&
            durationSeconds > 0 && {
              ratePerSecond: this.sum / durationSeconds,
            }),
        };
      default:
        return {
          ...base,
          type: 'gauge',
          value: this.last,
          ...(this.count > 0 && { min: this.min, max: this.max }),
        };
    }
  }

  destroy() {
    this.histogram?.destroy();
  }
}

interface MetricState {
  whole: Aggregate;
  subs: Array<{ tags: Array<[string, string]>; aggregate: Aggregate }>;
}

const TYPES: MetricType[] = ['trend', 'rate', 'counter', 'gauge'];
const CONTAINS: PerfMetricContains[] = ['time', 'data', 'default'];

function thresholdExpressions(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map(t =>
      typeof t === 'string' ? t : (t as { threshold?: unknown })?.threshold,
    )
    .filter((t): t is string => typeof t === 'string');
}

/** Yields the input, gunzipped when it starts with the gzip magic bytes. */
async function* decoded(input: Readable): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  const rest = async function* replayed() {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const source = Readable.from(rest());
    source.on('error', e => gunzip.destroy(e));
    source.pipe(gunzip);
    try {
      for await (const chunk of gunzip) {
        yield chunk as Buffer;
      }
    } catch (error) {
      throw new K6ResultsError(
        '',
        `the gzip stream is truncated or corrupt (${(error as Error).message})`,
      );
    }
    return;
  }
  yield* rest();
}

/**
 * Reads a k6 `--out json` stream, plain or gzip, into the normalised model.
 * Throws {@link K6ResultsError} (`path` is `line N`) on a line that is not
 * JSON, an impossible value, a truncated stream or a stream with no metrics.
 *
 * @public
 */
export async function summarizeK6JsonStream(
  input: Readable,
  options: K6JsonStreamOptions = {},
): Promise<PerfResults> {
  const maxLineLength = options.maxLineLength ?? 1024 * 1024;
  const metrics = new Map<string, MetricState>();
  const warnings: string[] = [];
  let lineNumber = 0;
  let points = 0;
  let undeclared = 0;
  const checks = new Map<string, PerfCheck>();
  let firstTime: string | undefined;
  let lastTime: string | undefined;

  const declare = (data: Record<string, unknown>, at: string) => {
    const key = data.name;
    if (typeof key !== 'string' || key === '') {
      throw new K6ResultsError(at, 'a Metric line needs data.name');
    }
    const { name, tags } = parseMetricKey(key);
    const type = data.type as MetricType;
    const contains = (data.contains ?? 'default') as PerfMetricContains;
    if (!TYPES.includes(type)) {
      throw new K6ResultsError(
        at,
        `unknown metric type ${JSON.stringify(data.type)}`,
      );
    }
    if (!CONTAINS.includes(contains)) {
      throw new K6ResultsError(
        at,
        `unknown contains ${JSON.stringify(data.contains)}`,
      );
    }
    let state = metrics.get(name);
    if (!state) {
      state = { whole: new Aggregate(name, type, contains), subs: [] };
      metrics.set(name, state);
    }
    // A declaration of `name{tags}` or a parent's `submetrics` adds a sub-metric
    const subsToAdd: Array<Record<string, string>> = [];
    if (Object.keys(tags).length > 0) {
      subsToAdd.push(tags);
    }
    if (Array.isArray(data.submetrics)) {
      for (const sub of data.submetrics as Array<{ tags?: unknown }>) {
        if (sub && typeof sub.tags === 'object' && sub.tags) {
          subsToAdd.push(
            Object.fromEntries(
              Object.entries(sub.tags).map(([k, v]) => [k, String(v)]),
            ),
          );
        }
      }
    }
    for (const subTags of subsToAdd) {
      const subKey = formatMetricKey(name, subTags);
      if (!state.subs.some(s => s.aggregate.key === subKey)) {
        state.subs.push({
          tags: Object.entries(subTags),
          aggregate: new Aggregate(subKey, type, contains),
        });
      }
    }
    const owner =
      Object.keys(tags).length > 0
        ? state.subs.find(s => s.aggregate.key === formatMetricKey(name, tags))
            ?.aggregate
        : state.whole;
    for (const expression of thresholdExpressions(data.thresholds)) {
      if (owner && !owner.thresholds.includes(expression)) {
        owner.thresholds.push(expression);
      }
    }
  };

  const countCheck = (tags: Record<string, unknown>, passed: boolean) => {
    const group = typeof tags.group === 'string' ? tags.group : '';
    const path = `${group}::${tags.check}`;
    let check = checks.get(path);
    if (!check) {
      if (checks.size >= MAX_CHECKS) {
        return;
      }
      check = { name: String(tags.check), path, passes: 0, fails: 0 };
      checks.set(path, check);
    }
    if (passed) check.passes += 1;
    else check.fails += 1;
  };

  const sample = (line: Record<string, unknown>, at: string) => {
    const state = metrics.get(line.metric as string);
    if (!state) {
      undeclared += 1;
      return;
    }
    const data = line.data as {
      value?: unknown;
      time?: unknown;
      tags?: unknown;
    };
    const value = data?.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new K6ResultsError(
        at,
        `${line.metric}: expected a finite number, got ${
          JSON.stringify(value) ?? 'nothing'
        }`,
      );
    }
    if (value < 0 && state.whole.contains !== 'default') {
      throw new K6ResultsError(
        at,
        `${line.metric}: must not be negative, got ${value}`,
      );
    }
    points += 1;
    if (typeof data.time === 'string') {
      if (firstTime === undefined) firstTime = data.time;
      lastTime = data.time;
    }
    state.whole.add(value);
    const tags = (data.tags ?? {}) as Record<string, unknown>;
    if (line.metric === 'checks' && typeof tags.check === 'string') {
      countCheck(tags, value !== 0);
    }
    if (state.subs.length > 0) {
      for (const sub of state.subs) {
        if (sub.tags.every(([k, v]) => String(tags[k]) === v)) {
          sub.aggregate.add(value);
        }
      }
    }
  };

  const handleLine = (text: string) => {
    lineNumber += 1;
    if (text.trim() === '') return;
    const at = `line ${lineNumber}`;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      throw new K6ResultsError(at, 'not a JSON object');
    }
    if (line?.type === 'Point') {
      sample(line, at);
    } else if (line?.type === 'Metric') {
      declare((line.data ?? {}) as Record<string, unknown>, at);
    } else {
      throw new K6ResultsError(at, 'expected a k6 "Metric" or "Point" line');
    }
  };

  try {
    let pending = '';
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of decoded(input)) {
      pending += decoder.decode(chunk, { stream: true });
      let start = 0;
      for (;;) {
        const end = pending.indexOf('\n', start);
        if (end < 0) break;
        handleLine(pending.slice(start, end));
        start = end + 1;
      }
      pending = pending.slice(start);
      if (pending.length > maxLineLength) {
        throw new K6ResultsError(
          `line ${lineNumber + 1}`,
          `longer than ${maxLineLength} characters`,
        );
      }
    }
    pending += decoder.decode();
    if (pending.trim() !== '') {
      try {
        handleLine(pending);
      } catch (error) {
        if (
          error instanceof K6ResultsError &&
          /not a JSON object/.test(error.message)
        ) {
          throw new K6ResultsError(
            `line ${lineNumber}`,
            'the stream ends in the middle of a line: truncated?',
          );
        }
        throw error;
      }
    }
    if (metrics.size === 0) {
      throw new K6ResultsError('', 'not a k6 JSON stream: no Metric lines');
    }

    const durationSeconds =
      firstTime && lastTime
        ? (Date.parse(lastTime) - Date.parse(firstTime)) / 1000
        : undefined;
    const out: PerfMetric[] = [];
    const thresholds: PerfThreshold[] = [];
    for (const state of metrics.values()) {
      for (const aggregate of [
        state.whole,
        ...state.subs.map(s => s.aggregate),
      ]) {
        const metric = aggregate.toMetric(durationSeconds);
        out.push(metric);
        if (aggregate.clampedNegatives > 0) {
          warnings.push(
            `${aggregate.key}: ${aggregate.clampedNegatives} negative samples count as 0 in percentiles`,
          );
        }
        for (const expression of aggregate.thresholds) {
          const passed = evaluateThreshold(metric, expression);
          if (passed === undefined) {
            warnings.push(
              `${aggregate.key}: threshold ${expression} cannot be evaluated from the stream`,
            );
            continue;
          }
          thresholds.push({
            metric: aggregate.key,
            expression,
            passed,
            source: 'computed',
          });
        }
      }
    }
    if (undeclared > 0) {
      warnings.push(`${undeclared} samples of undeclared metrics were ignored`);
    }
    out.sort((a, b) => a.key.localeCompare(b.key, 'en'));
    return {
      format: 'k6-json-stream',
      metrics: out,
      thresholds,
      checks: [...checks.values()],
      thresholdsPassed:
        thresholds.length > 0 ? thresholds.every(t => t.passed) : undefined,
      warnings,
      ...(durationSeconds !== undefined &&
        Number.isFinite(durationSeconds) && {
          durationMs: Math.round(durationSeconds * 1000),
        }),
      ...(points === 0 && {
        warnings: [...warnings, 'the stream has no samples'],
      }),
    };
  } finally {
    for (const state of metrics.values()) {
      state.whole.destroy();
      state.subs.forEach(s => s.aggregate.destroy());
    }
  }
}
