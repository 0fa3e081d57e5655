import { Box, Tooltip, Typography, useTheme } from '@material-ui/core';
import { FamilySummary } from '@readiness/plugin-api-portal-common';

const WIDTH = 60;
const HEIGHT = 16;

type Day = { day: string; downloads: number };

/**
 * One bar per day, drawn by hand: the plugin does without a chart library
 * for a picture this small.
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

/** The days with downloads, one line each, for the tooltip. */
export function downloadDays(days: Day[]): string {
  const busy = days.filter(d => d.downloads > 0);
  if (busy.length === 0) return 'No downloads in the last 30 days';
  return busy.map(d => `${d.day}: ${d.downloads}`).join('\n');
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
  return (
    <Tooltip
      title={
        <span style={{ whiteSpace: 'pre-line' }}>{downloadDays(ordered)}</span>
      }
    >
      <Box
        display="flex"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid={`downloads-${props.family.name}`}
      >
        <Typography variant="body2">{props.total}</Typography>
        <DayBars days={ordered} />
      </Box>
    </Tooltip>
  );
}
