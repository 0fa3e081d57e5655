/*
 * How the reliability cards write numbers and times. The backend sends ISO
 * 8601 UTC strings; they are shown in the reader's locale and time zone.
 * `plural`, `formatBytes` and `formatDate` are shared by the portal's plugins:
 * import them from `@readiness/portal-react`.
 */

const DAY_MS = 86_400_000;

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A share 0..1 as a percentage, e.g. `-100.0 %`. */
export function formatShare(value: number | undefined, digits = 1): string {
  return value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;
}

/** Milliseconds, rounded sensibly for the size of the value. */
export function formatMs(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ms`;
}

export function formatMinutes(value: number): string {
  const rounded = Number(value.toFixed(1));
  return `${rounded} min`;
}

export function formatSeconds(value: number): string {
  if (value < 120) return `${Math.round(value)} s`;
  return formatMinutes(value / 60);
}

/** Whole days from `now` until `iso` (negative when it is past). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return Math.ceil((Date.parse(iso) - now.getTime()) / DAY_MS);
}

/** A signed number with a fixed number of digits, e.g. `+12.50`. */
export function signed(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return value > 0 ? `+${text}` : text;
}
