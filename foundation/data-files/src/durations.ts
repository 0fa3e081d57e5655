import { HumanDuration } from '@backstage/types';

/**
 * The units of a Backstage duration, longest first.
 *
 * @public
 */
export const DURATION_UNITS: ReadonlyArray<keyof HumanDuration> = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
];

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

/**
 * Reads an ISO 8601 duration (`P30D`, `P1Y6M`, `PT36H`, `P2W`) as a
 * Backstage duration; undefined when the text is not one or is zero long.
 *
 * @public
 */
export function parseIsoDuration(text: string): HumanDuration | undefined {
  const match = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!match || /T$/.test(text.trim())) return undefined;
  const [, y, mo, w, d, h, mi, s, ms] = match;
  const units: Array<[keyof HumanDuration, string | undefined]> = [
    ['years', y],
    ['months', mo],
    ['weeks', w],
    ['days', d],
    ['hours', h],
    ['minutes', mi],
    ['seconds', s],
    ['milliseconds', ms && ms.padEnd(3, '0')],
  ];
  const result: Record<string, number> = {};
  for (const [unit, amount] of units) {
    if (amount !== undefined && Number(amount) > 0) {
      result[unit] = Number(amount);
    }
  }
  return Object.keys(result).length > 0 ? (result as HumanDuration) : undefined;
}

/**
 * Writes a duration the way people read it: `30 days`, `1 year 6 months`.
 *
 * @public
 */
export function formatDuration(duration: HumanDuration): string {
  return DURATION_UNITS.filter(unit => duration[unit])
    .map(unit => {
      const amount = duration[unit]!;
      return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
    })
    .join(' ');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * The instant `duration` before `epochMs`, in calendar terms in UTC: a month
 * back from 31 March is the last day of February.
 *
 * @public
 */
export function subtractDuration(
  epochMs: number,
  duration: HumanDuration,
): number {
  const at = new Date(epochMs);
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  if (months !== 0) {
    const total = at.getUTCFullYear() * 12 + at.getUTCMonth() - months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const day = Math.min(at.getUTCDate(), daysInMonth(year, month));
    at.setUTCFullYear(year, month, day);
  }
  const days = (duration.weeks ?? 0) * 7 + (duration.days ?? 0);
  if (days !== 0) at.setUTCDate(at.getUTCDate() - days);
  return (
    at.getTime() -
    (duration.hours ?? 0) * 3_600_000 -
    (duration.minutes ?? 0) * 60_000 -
    (duration.seconds ?? 0) * 1_000 -
    (duration.milliseconds ?? 0)
  );
}
