/*
 * How the portal's plugins write counts, sizes and dates. The backends send
 * ISO 8601 UTC strings; dates are shown in the reader's locale and time zone.
 */

/** A count with its word, e.g. `1 error`, `2 errors`, `3 families`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units, e.g. `1.5 GiB`; `—` when the size is unknown. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A date (ISO string or epoch milliseconds), e.g. `Nov 1, 2026`. */
export function formatDate(iso: string | number): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}
