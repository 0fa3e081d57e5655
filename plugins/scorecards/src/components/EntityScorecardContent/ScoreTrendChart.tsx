/*
 * The entity's score per day: one point per day with a snapshot, coloured by
 * the level of that day, on a 0–100 axis.
 */
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { ScorecardLevel } from '@readiness/plugin-scorecards-common';
import {
  CartesianGrid,
  DotItemDotProps,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { ScorecardDay } from '../../api';
import { chartStyle } from '@readiness/portal-react';
import { formatDay, levelTitle } from '../format';
import { LEVEL_COLORS } from '../levels';

/** One day as charted: its midnight (UTC) on the time axis. */
export type TrendPoint = {
  time: number;
  day: string;
  score: number | null;
  level: ScorecardLevel | null;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
};

export function trendPointsOf(days: ScorecardDay[]): TrendPoint[] {
  return days.map(day => ({
    time: Date.parse(`${day.day}T00:00:00Z`),
    day: day.day,
    score: day.score,
    level: day.level,
    passed: day.passed,
    failed: day.failed,
    unknown: day.unknown,
    applicable: day.applicable,
  }));
}

const DAY_MS = 86_400_000;

/** The days asked for, so a short history sits where it belongs in the range. */
function timeDomain(range: { from: string; to: string }): [number, number] {
  return [
    Date.parse(`${range.from}T00:00:00Z`) - DAY_MS / 2,
    Date.parse(`${range.to}T00:00:00Z`) + DAY_MS / 2,
  ];
}

/** About six days across the range, evenly spaced, ending on its last day. */
export function dayTicks(range: { from: string; to: string }): number[] {
  const first = Date.parse(`${range.from}T00:00:00Z`);
  const last = Date.parse(`${range.to}T00:00:00Z`);
  const days = Math.round((last - first) / DAY_MS);
  const step = Math.max(1, Math.ceil(days / 6)) * DAY_MS;
  const ticks: number[] = [];
  for (let time = last; time >= first; time -= step) ticks.unshift(time);
  return ticks;
}

const useStyles = makeStyles((theme: Theme) => ({
  tooltip: { padding: theme.spacing(1, 1.5) },
}));

function DayTooltip(props: { point?: TrendPoint }) {
  const classes = useStyles();
  const { point } = props;
  if (!point) return null;
  return (
    <Paper className={classes.tooltip} elevation={3}>
      <Typography variant="subtitle2">{formatDay(point.day)}</Typography>
      <Typography variant="body2">
        Score {point.score ?? '—'} · {levelTitle(point.level)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {point.passed} passing · {point.failed} failing · {point.unknown}{' '}
        unknown
      </Typography>
    </Paper>
  );
}

function LevelDot(props: { dot: DotItemDotProps; point?: TrendPoint }) {
  const theme = useTheme<Theme>();
  const { dot, point } = props;
  if (!point || typeof dot.cx !== 'number' || typeof dot.cy !== 'number') {
    return null;
  }
  const color = point.level
    ? LEVEL_COLORS[point.level]
    : theme.palette.text.secondary;
  return (
    <circle
      cx={dot.cx}
      cy={dot.cy}
      r={5}
      fill={point.level ? color : theme.palette.background.paper}
      stroke={color}
      strokeWidth={2}
      role="img"
      aria-label={`Score ${point.score ?? 'none'} on ${formatDay(
        point.day,
      )}, ${levelTitle(point.level)}`}
    />
  );
}

export function ScoreTrendChart(props: {
  days: ScorecardDay[];
  range: { from: string; to: string };
  height?: number;
}) {
  const theme = useTheme<Theme>();
  const data = trendPointsOf(props.days);
  const style = chartStyle(theme);
  return (
    <Box role="group" aria-label="Score trend chart">
      <ResponsiveContainer width="100%" height={props.height ?? 260}>
        <LineChart
          data={data}
          margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid {...style.grid} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={timeDomain(props.range)}
            ticks={dayTicks(props.range)}
            tickFormatter={(time: number) => formatDay(time)}
            {...style.axis}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            {...style.axis}
            width={40}
          />
          <Tooltip
            content={(tooltip: TooltipContentProps) => (
              <DayTooltip
                point={
                  tooltip.active
                    ? data.find(p => p.time === Number(tooltip.label))
                    : undefined
                }
              />
            )}
          />
          <Line
            type="linear"
            dataKey="score"
            name="score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(dot: DotItemDotProps) => (
              <LevelDot
                key={`day-${dot.index}`}
                dot={dot}
                point={data[dot.index]}
              />
            )}
            activeDot={{ r: 6 }}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
