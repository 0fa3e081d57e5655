import { Box, Tooltip, Typography, useTheme } from '@material-ui/core';
import {
  FamilySummary,
  SdkDownloadsScope,
} from '@readiness/plugin-api-portal-common';
import { plural, SampleDataChip } from '@readiness/portal-react';

const WIDTH = 60;
const HEIGHT = 16;
/** How many days the bars span, the last one today. */
export const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

type Day = { day: string; downloads: number; sample?: number };

/** The UTC day of a time, as the backend writes days: `2026-11-01`. */
function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Every UTC day of the window ending today, oldest first, with the downloads
 * of the days the backend sent (it sends only days with downloads) and zero
 * for the others. A day the backend counts as later than the reader's today
 * (clocks differ) ends the window instead.
 */
export function windowDays(days: Day[], now: Date = new Date()): Day[] {
  const counts = new Map<string, number>();
  for (const d of days) {
    counts.set(d.day, (counts.get(d.day) ?? 0) + d.downloads);
  }
  const today = Date.parse(utcDay(now.getTime()));
  const newest = Math.max(
    today,
    ...days.map(d => Date.parse(d.day)).filter(time => !Number.isNaN(time)),
  );
  return Array.from({ length: WINDOW_DAYS }, (_, i) => {
    const day = utcDay(newest - (WINDOW_DAYS - 1 - i) * DAY_MS);
    return { day, downloads: counts.get(day) ?? 0 };
  });
}

/**
 * One bar per day of the window, placed by its date, drawn by hand: the
 * plugin does without a chart library for a picture this small.
 */
function DayBars(props: { days: Day[] }) {
  const theme = useTheme();
  const { days } = props;
  const most = Math.max(1, ...days.map(d => d.downloads));
  const step = WIDTH / Math.max(days.length, 1);
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
    >
      {days.map((d, i) => {
        const height = d.downloads === 0 ? 1 : (d.downloads / most) * HEIGHT;
        return (
          <rect
            key={d.day}
            data-day={d.day}
            x={i * step}
            y={HEIGHT - height}
            width={Math.max(step - 1, 1)}
            height={height}
            fill={
              d.downloads === 0
                ? theme.palette.divider
                : theme.palette.primary.main
            }
          />
        );
      })}
    </svg>
  );
}

function busyDays(days: Day[]): Day[] {
  return days.filter(d => d.downloads > 0);
}

/** A day's line: its downloads, and how many are sample data. */
function dayLine(d: Day): string {
  return `${d.day}: ${d.downloads}${d.sample ? ` (${d.sample} sample)` : ''}`;
}

/** The days with downloads, one line each, for the tooltip. */
export function downloadDays(days: Day[]): string {
  const busy = busyDays(days);
  if (busy.length === 0) return 'No downloads in the last 30 days';
  return busy.map(dayLine).join('\n');
}

/**
 * The total and the days with downloads in one line, for screen readers; a
 * partner's count is their own organisation's.
 */
export function downloadsLabel(
  total: number,
  days: Day[],
  scope: SdkDownloadsScope = 'all',
): string {
  const whose = scope === 'organisation' ? ' by your organisation' : '';
  const sum = `${plural(total, 'SDK download')}${whose} in the last 30 days`;
  const busy = busyDays(days);
  if (busy.length === 0) return sum;
  return `${sum}: ${busy.map(dayLine).join(', ')}`;
}

/** SDK downloads of the last 30 days: the sum, with a bar per day. */
export function DownloadsCell(props: {
  family: FamilySummary;
  total?: number;
}) {
  const days = props.family.sdkDownloadsLast30Days;
  if (!days || props.total === undefined) {
    return <Typography variant="body2">—</Typography>;
  }
  const ordered = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const sample = ordered.reduce((n, d) => n + (d.sample ?? 0), 0);
  const cell = (
    <Tooltip
      title={
        <span style={{ whiteSpace: 'pre-line' }}>{downloadDays(ordered)}</span>
      }
    >
      {/* Focusable, so the days reach keyboard and screen reader users. */}
      <Box
        display="flex"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid={`downloads-${props.family.name}`}
        tabIndex={0}
        role="img"
        aria-label={downloadsLabel(
          props.total,
          ordered,
          props.family.sdkDownloadsScope,
        )}
      >
        <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
          {props.total}
        </Typography>
        <DayBars days={windowDays(ordered)} />
      </Box>
    </Tooltip>
  );
  if (sample === 0) return cell;
  // Below the bars, so the column stays as narrow as the count and its bars
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      {cell}
      <SampleDataChip what={`${sample} of these downloads are`} />
    </Box>
  );
}
