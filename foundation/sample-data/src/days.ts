/*
 * Sample histories are laid out on UTC days (`YYYY-MM-DD`), counted back from
 * today, so a history always ends now. A record's content depends only on its
 * day, never on when it is seeded, so seeding again adds only new days.
 */

const DAY_MS = 86_400_000;

function startOf(day: string): number {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) {
    throw new TypeError(`Not a UTC day (YYYY-MM-DD): ${day}`);
  }
  return ms;
}

/** The UTC day of an instant. @public */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** The day `days` after (or, negative, before) a day. @public */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(startOf(day) + days * DAY_MS));
}

/** Whole days from one day to another (negative when `to` is earlier). @public */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOf(to) - startOf(from)) / DAY_MS);
}

/** Every day from `from` to `to`, both included, oldest first. @public */
export function daysFrom(from: string, to: string): string[] {
  const count = daysBetween(from, to);
  return Array.from({ length: Math.max(count + 1, 0) }, (_, i) =>
    addDays(from, i),
  );
}

/** An instant on a day, as ISO 8601 UTC: `atTime('2026-12-01', 2, 30)`. @public */
export function atTime(
  day: string,
  hours: number,
  minutes = 0,
  seconds = 0,
): string {
  return new Date(
    startOf(day) + ((hours * 60 + minutes) * 60 + seconds) * 1000,
  ).toISOString();
}

/** The day of the week, 0 for Monday to 6 for Sunday. @public */
export function weekdayOf(day: string): number {
  return (new Date(startOf(day)).getUTCDay() + 6) % 7;
}

/** The Monday of a day's week. @public */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/**
 * The ISO 8601 week of a day: the year its Thursday falls in and the week's
 * number in that year (1 to 53), as release trains are often named.
 *
 * @public
 */
export function isoWeekOf(day: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = daysBetween(`${year}-01-01`, thursday);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}
