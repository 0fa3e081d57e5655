import {
  PerfCheck,
  PerfMetric,
  PerfMetricContains,
  PerfResults,
  PerfResultsFormat,
  PerfThreshold,
} from '../perfResults';
import { isObject, pointer } from '../json';
import { K6ResultsError } from './K6ResultsError';
import { parseMetricKey } from './metricKey';

type Json = Record<string, unknown>;

const METRIC_TYPES = ['trend', 'rate', 'counter', 'gauge'] as const;
const CONTAINS: PerfMetricContains[] = ['time', 'data', 'default'];
const TREND_STAT = /^(avg|min|med|max|count|p\(\d+(\.\d+)?\))$/;

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new K6ResultsError(
      path,
      `expected a finite number, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}

function nonNegative(value: unknown, path: string): number {
  const n = finite(value, path);
  if (n < 0) {
    throw new K6ResultsError(path, `must not be negative, got ${n}`);
  }
  return n;
}

function count(value: unknown, path: string): number {
  const n = nonNegative(value, path);
  if (!Number.isInteger(n)) {
    throw new K6ResultsError(path, `expected a whole count, got ${n}`);
  }
  return n;
}

/**
 * Which summary shape a parsed JSON document is, or undefined when it is none
 * of them.
 *
 * @public
 */
export function detectK6SummaryFormat(
  document: unknown,
): Exclude<PerfResultsFormat, 'k6-json-stream'> | undefined {
  if (!isObject(document)) {
    return undefined;
  }
  const results = document.results;
  if (isObject(results) && Array.isArray(results.metrics)) {
    return 'k6-machine-readable';
  }
  const metrics = document.metrics;
  if (!isObject(metrics)) {
    return undefined;
  }
  const entries = Object.values(metrics);
  if (entries.length === 0) {
    return 'k6-handle-summary';
  }
  if (entries.some(m => isObject(m) && isObject(m.values))) {
    return 'k6-handle-summary';
  }
  if (entries.every(m => isObject(m))) {
    return 'k6-summary-export';
  }
  return undefined;
}

/** Sorts metrics by key, so equal inputs give equal outputs. */
function byKey(a: PerfMetric, b: PerfMetric) {
  return a.key.localeCompare(b.key, 'en');
}

function readContains(value: unknown, path: string): PerfMetricContains {
  if (value === undefined) {
    return 'default';
  }
  if (!CONTAINS.includes(value as PerfMetricContains)) {
    throw new K6ResultsError(
      path,
      `expected one of ${CONTAINS.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as PerfMetricContains;
}

/** Builds a metric from k6's `values` object, checking every number. */
function metricFromValues(
  key: string,
  type: (typeof METRIC_TYPES)[number],
  contains: PerfMetricContains,
  values: Json,
  path: string,
  warnings: string[],
): PerfMetric {
  const { name, tags } = parseMetricKey(key);
  const base = { key, name, tags, contains };
  switch (type) {
    case 'trend': {
      const stats: Record<string, number> = {};
      for (const [stat, value] of Object.entries(values)) {
        if (!TREND_STAT.test(stat)) {
          continue;
        }
        const at = `${path}${pointer(stat)}`;
        if (stat === 'count') {
          stats[stat] = count(value, at);
        } else if (contains === 'default') {
          // Custom trends may hold any number
          stats[stat] = finite(value, at);
        } else {
          // Durations and sizes cannot be negative
          stats[stat] = nonNegative(value, at);
        }
      }
      return { ...base, type, stats };
    }
    case 'rate': {
      const rate = nonNegative(values.rate ?? values.value, `${path}/rate`);
      if (rate > 1) {
        throw new K6ResultsError(
          `${path}/rate`,
          `must be at most 1, got ${rate}`,
        );
      }
      const trueCount = count(values.passes ?? 0, `${path}/passes`);
      const falseCount = count(values.fails ?? 0, `${path}/fails`);
      const total = trueCount + falseCount;
      if (total > 0 && Math.abs(trueCount / total - rate) > 0.005) {
        warnings.push(
          `${key}: passes/fails (${trueCount}/${falseCount}) disagree with rate ${rate}; the rate is kept`,
        );
      }
      return { ...base, type, rate, trueCount, falseCount };
    }
    case 'counter':
      return {
        ...base,
        type,
        count: nonNegative(values.count, `${path}/count`),
        ...(values.rate !== undefined && {
          ratePerSecond: nonNegative(values.rate, `${path}/rate`),
        }),
      };
    case 'gauge':
      return {
        ...base,
        type,
        value: finite(values.value, `${path}/value`),
        ...(values.min !== undefined && {
          min: finite(values.min, `${path}/min`),
        }),
        ...(values.max !== undefined && {
          max: finite(values.max, `${path}/max`),
        }),
      };
    default:
      throw new K6ResultsError(path, `unknown metric type`);
  }
}

function readType(value: unknown, path: string) {
  if (!METRIC_TYPES.includes(value as (typeof METRIC_TYPES)[number])) {
    throw new K6ResultsError(
      path,
      `expected one of ${METRIC_TYPES.join(', ')}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value as (typeof METRIC_TYPES)[number];
}

/** k6 writes groups and checks as arrays (handleSummary) or keyed objects (summary export). */
function listOf(value: unknown): Array<[string, unknown]> {
  if (Array.isArray(value)) {
    return value.map((v, i) => [String(i), v]);
  }
  if (isObject(value)) {
    return Object.entries(value);
  }
  return [];
}

function readChecks(group: unknown, path: string, out: PerfCheck[]) {
  if (!isObject(group)) {
    return;
  }
  for (const [key, check] of listOf(group.checks)) {
    const at = `${path}/checks${pointer(key)}`;
    if (!isObject(check)) {
      throw new K6ResultsError(at, 'expected a check object');
    }
    const name =
      typeof check.name === 'string' && check.name ? check.name : key;
    out.push({
      name,
      ...(typeof check.path === 'string' && { path: check.path }),
      passes: count(check.passes, `${at}/passes`),
      fails: count(check.fails, `${at}/fails`),
    });
  }
  for (const [key, child] of listOf(group.groups)) {
    readChecks(child, `${path}/groups${pointer(key)}`, out);
  }
}

function summarise(
  format: PerfResults['format'],
  metrics: PerfMetric[],
  thresholds: PerfThreshold[],
  checks: PerfCheck[],
  warnings: string[],
  extra: Partial<PerfResults> = {},
): PerfResults {
  return {
    format,
    metrics: metrics.sort(byKey),
    thresholds,
    checks,
    thresholdsPassed:
      extra.thresholdsPassed ??
      (thresholds.length > 0 ? thresholds.every(t => t.passed) : undefined),
    warnings,
    ...(extra.durationMs !== undefined && { durationMs: extra.durationMs }),
  };
}

function readHandleSummary(document: Json): PerfResults {
  const warnings: string[] = [];
  const metrics: PerfMetric[] = [];
  const thresholds: PerfThreshold[] = [];
  for (const [key, raw] of Object.entries(document.metrics as Json)) {
    const at = pointer('metrics', key);
    if (!isObject(raw) || !isObject(raw.values)) {
      throw new K6ResultsError(at, 'expected {type, contains, values}');
    }
    const metric = metricFromValues(
      key,
      readType(raw.type, `${at}/type`),
      readContains(raw.contains, `${at}/contains`),
      raw.values,
      `${at}/values`,
      warnings,
    );
    metrics.push(metric);
    for (const [expression, outcome] of Object.entries(
      isObject(raw.thresholds) ? raw.thresholds : {},
    )) {
      const ok = isObject(outcome) ? outcome.ok : undefined;
      if (typeof ok !== 'boolean') {
        throw new K6ResultsError(
          `${at}/thresholds${pointer(expression)}`,
          'expected {"ok": true|false}',
        );
      }
      thresholds.push({
        metric: key,
        expression,
        passed: ok,
        source: 'reported',
      });
    }
  }
  const checks: PerfCheck[] = [];
  readChecks(document.root_group, '/root_group', checks);
  const state = isObject(document.state) ? document.state : {};
  return summarise('k6-handle-summary', metrics, thresholds, checks, warnings, {
    ...(state.testRunDurationMs !== undefined && {
      durationMs: nonNegative(
        state.testRunDurationMs,
        '/state/testRunDurationMs',
      ),
    }),
  });
}

/** Legacy `--summary-export` metrics carry no type; it follows from their fields. */
function legacyType(key: string, raw: Json): (typeof METRIC_TYPES)[number] {
  if ('passes' in raw || 'fails' in raw) return 'rate';
  if (Object.keys(raw).some(k => /^(avg|med|p\()/.test(k))) return 'trend';
  if ('count' in raw && 'rate' in raw) return 'counter';
  if ('value' in raw && ('min' in raw || 'max' in raw)) return 'gauge';
  if ('count' in raw) return 'counter';
  throw new K6ResultsError(
    pointer('metrics', key),
    'cannot tell the metric type from its fields',
  );
}

function readSummaryExport(document: Json): PerfResults {
  const warnings: string[] = [];
  const metrics: PerfMetric[] = [];
  const thresholds: PerfThreshold[] = [];
  for (const [key, raw] of Object.entries(document.metrics as Json)) {
    const at = pointer('metrics', key);
    if (!isObject(raw)) {
      throw new K6ResultsError(at, 'expected a metric object');
    }
    const type = legacyType(key, raw);
    const { thresholds: rawThresholds, ...values } = raw;
    // The export has no `contains`: trends of built-in http and iteration
    // metrics are times; other trends may be anything
    const contains: PerfMetricContains =
      type === 'trend' &&
      /^(http_req_|iteration_duration|group_duration)/.test(key)
        ? 'time'
        : 'default';
    metrics.push(metricFromValues(key, type, contains, values, at, warnings));
    for (const [expression, failed] of Object.entries(
      isObject(rawThresholds) ? rawThresholds : {},
    )) {
      if (typeof failed !== 'boolean') {
        throw new K6ResultsError(
          `${at}/thresholds${pointer(expression)}`,
          'expected true (failed) or false (held)',
        );
      }
      // In this format `true` means the threshold FAILED
      thresholds.push({
        metric: key,
        expression,
        passed: !failed,
        source: 'reported',
      });
    }
  }
  const checks: PerfCheck[] = [];
  readChecks(document.root_group, '/root_group', checks);
  return summarise('k6-summary-export', metrics, thresholds, checks, warnings);
}

function readMachineReadable(document: Json): PerfResults {
  const warnings: string[] = [];
  const results = document.results as Json;
  const metrics = (results.metrics as unknown[]).map((raw, i) => {
    const at = pointer('results', 'metrics', i);
    if (
      !isObject(raw) ||
      typeof raw.name !== 'string' ||
      !isObject(raw.values)
    ) {
      throw new K6ResultsError(at, 'expected {name, type, contains, values}');
    }
    return metricFromValues(
      raw.name,
      readType(raw.type, `${at}/type`),
      readContains(raw.contains, `${at}/contains`),
      raw.values,
      `${at}/values`,
      warnings,
    );
  });
  if (typeof results.passed !== 'boolean') {
    throw new K6ResultsError('/results/passed', 'expected true or false');
  }
  const checks: PerfCheck[] = [];
  const rawChecks = isObject(results.checks) ? results.checks : {};
  const ordered = rawChecks.results ?? rawChecks.orderedChecks;
  listOf(ordered).forEach(([i, check]) => {
    const at = `/results/checks/results/${i}`;
    if (!isObject(check) || typeof check.name !== 'string') {
      throw new K6ResultsError(at, 'expected {name, passes, fails}');
    }
    checks.push({
      name: check.name,
      passes: count(check.passes, `${at}/passes`),
      fails: count(check.fails, `${at}/fails`),
    });
  });
  const config = isObject(document.config) ? document.config : {};
  return summarise('k6-machine-readable', metrics, [], checks, warnings, {
    thresholdsPassed: results.passed,
    ...(config.duration !== undefined && {
      durationMs: nonNegative(config.duration, '/config/duration') * 1000,
    }),
  });
}

/**
 * Reads any end-of-test summary k6 writes — `handleSummary` JSON, the legacy
 * `--summary-export`, or the machine-readable summary — into the normalised
 * model. Throws {@link K6ResultsError} with the location of the first problem.
 *
 * @public
 */
export function readK6Summary(document: unknown): PerfResults {
  switch (detectK6SummaryFormat(document)) {
    case 'k6-handle-summary':
      return readHandleSummary(document as Json);
    case 'k6-summary-export':
      return readSummaryExport(document as Json);
    case 'k6-machine-readable':
      return readMachineReadable(document as Json);
    default:
      throw new K6ResultsError(
        '',
        'not a k6 summary: expected "metrics" (handleSummary or --summary-export) or "results.metrics" (machine-readable summary)',
      );
  }
}
