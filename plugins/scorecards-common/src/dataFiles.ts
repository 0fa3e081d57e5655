/*
 * What the readers of the scorecards' data files (checks, pushed fact
 * declarations) share: the id a file's name gives, the loader's words for a
 * schema issue, "did you mean" for an unknown id, and the one instant format.
 */
import { DataPath, describeValue, FileProblems } from '@readiness/data-files';
import { z } from 'zod';

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** The file's name without its folder and extension: the id it declares. */
export function idOfPath(path: string): string {
  const name =
    path
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  return name.replace(/\.ya?ml$/i, '');
}

/** Says what a schema issue means, in the loaders' words. */
export function reportSchemaIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  problems: FileProblems,
) {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      problems.report([...path, key], `unknown field "${key}"`);
    }
    return;
  }
  const value = valueAt(data, path);
  if (value === undefined && issue.code !== 'custom') {
    problems.report(path, 'is required');
    return;
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  problems.report(
    path,
    issue.code === 'invalid_type' || issue.code === 'invalid_union'
      ? `${message}, got ${describeValue(value)}`
      : message,
  );
}

/** The edit distance of two short strings, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known id closest to a mistyped one, when one is close enough: for
 * "did you mean".
 *
 * @public
 */
export function nearestId(
  id: string,
  known: Iterable<string>,
): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 4)) + 1;
  for (const candidate of known) {
    const d = distance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its zone, on a day that exists: `2026-11-03T09:00:00Z`. */
export function isIsoInstant(value: string): boolean {
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    return false;
  }
  // Date.parse takes 2026-02-30 as 2 March
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
