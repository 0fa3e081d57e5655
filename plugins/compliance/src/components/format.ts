/*
 * How the compliance cards write times. The backend sends ISO 8601 UTC
 * strings; they are shown in the reader's locale and time zone, and the
 * form's date-time fields are in the reader's time zone too.
 */

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A time as a `datetime-local` field holds it: local, to the minute. */
export function toLocalInput(time: Date): string {
  return `${time.getFullYear()}-${twoDigits(time.getMonth() + 1)}-${twoDigits(
    time.getDate(),
  )}T${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}`;
}

/** A `datetime-local` value as an ISO 8601 UTC time, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  // Without a zone, a date-time string is read in the local time zone
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
