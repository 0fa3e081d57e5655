/*
 * Type guards for the fields of compliance files: each reads one value,
 * reports what is wrong at its JSON pointer and returns undefined, so a
 * reader goes on and reports every problem of a file in one pass.
 */
import { HumanDuration } from '@backstage/types';
import {
  DataPath,
  describeValue,
  DURATION_UNITS,
  FileProblems,
} from '@readiness/data-files';

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fields of an object, reporting any the format does not know. */
export function record(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
  known?: readonly string[],
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    problems.report(
      path,
      value === undefined
        ? 'is required'
        : `expected an object, got ${describeValue(value)}`,
    );
    return undefined;
  }
  if (known) {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        problems.report(
          [...path, key],
          `unknown field "${key}"; expected ${known.join(', ')}`,
        );
      }
    }
  }
  return value;
}

/** A non-empty string; absent is reported only when `required`. */
export function text(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
  required = true,
): string | undefined {
  if (value === undefined || value === null) {
    if (required) problems.report(path, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    problems.report(
      path,
      `expected a non-empty string, got ${describeValue(value)}${
        typeof value === 'number'
          ? ' (quote ids such as "5.10": YAML reads them as numbers)'
          : ''
      }`,
    );
    return undefined;
  }
  return value.trim();
}

/** A string matching `pattern`, described by `what` in the message. */
export function token(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
  pattern: RegExp,
  what: string,
): string | undefined {
  const found = text(value, path, problems);
  if (found !== undefined && !pattern.test(found)) {
    problems.report(path, `"${found}" is not ${what}`);
    return undefined;
  }
  return found;
}

/** A list; absent is reported only when `required`, and gives `[]`. */
export function list(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
  required = true,
): unknown[] {
  if (value === undefined || value === null) {
    if (required) problems.report(path, 'is required');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.report(path, `expected a list, got ${describeValue(value)}`);
    return [];
  }
  return value;
}

/** A list of non-empty strings; a single string counts as a list of one. */
export function texts(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
): string[] {
  if (typeof value === 'string') {
    return [text(value, path, problems)].filter(
      (item): item is string => item !== undefined,
    );
  }
  return list(value, path, problems)
    .map((item, index) => text(item, [...path, index], problems))
    .filter((item): item is string => item !== undefined);
}

/**
 * A Backstage duration such as `{ days: 365 }` or `{ months: 6 }`: known
 * units, whole non-negative numbers, longer than zero.
 */
export function duration(
  value: unknown,
  path: DataPath,
  problems: FileProblems,
): HumanDuration | undefined {
  const fields = record(value, path, problems, DURATION_UNITS);
  if (
    !fields ||
    Object.keys(fields).some(
      key => !DURATION_UNITS.includes(key as keyof HumanDuration),
    )
  ) {
    return undefined;
  }
  const result: Record<string, number> = {};
  let total = 0;
  for (const unit of DURATION_UNITS) {
    const amount = fields[unit];
    if (amount === undefined) continue;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
      problems.report(
        [...path, unit],
        `expected a whole number of ${unit}, got ${describeValue(amount)}`,
      );
      return undefined;
    }
    result[unit] = amount;
    total += amount;
  }
  if (total === 0) {
    problems.report(
      path,
      'expected a duration longer than zero, such as { days: 365 }',
    );
    return undefined;
  }
  return result as HumanDuration;
}
