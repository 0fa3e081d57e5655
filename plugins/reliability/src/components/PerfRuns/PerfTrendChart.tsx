/*
 * The perf trend of one scenario in one environment: p95 and p99 latency on
 * the left axis, the error rate on the right, the baseline dashed and the SLO
 * objectives solid across. Points are buttons: they select their run.
 */
import { KeyboardEvent } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { EntityTrend, TrendPoint } from '@readiness/plugin-reliability-common';
import {
  CartesianGrid,
  DotItemDotProps,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { chartStyle, formatDate } from '@readiness/portal-react';
import { formatDateTime, formatMs } from '../format';

/** One run as charted; the error rate in percent for the right axis. */
export type ChartPoint = {
  runId: string;
  time: number;
  startedAt: string;
  release?: string;
  thresholdsPassed?: boolean;
  p95?: number;
  p99?: number;
  errorRatePercent?: number;
};

function chartPointsOf(points: TrendPoint[]): ChartPoint[] {
  return points.map(point => ({
    runId: point.runId,
    time: Date.parse(point.startedAt),
    startedAt: point.startedAt,
    release: point.release,
    thresholdsPassed: point.thresholdsPassed,
    p95: point.p95,
    p99: point.p99,
    errorRatePercent:
      point.errorRate === undefined ? undefined : point.errorRate * 100,
  }));
}

const HOUR_MS = 3_600_000;

/** The time axis spans the runs with a little room on both sides. */
function timeDomain(points: Array<{ time: number }>): [number, number] {
  const times = points.map(p => p.time);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max((max - min) * 0.03, HOUR_MS);
  return [min - pad, max + pad];
}

/** The time axis of a chart of runs: their start times, labelled by day. */
function timeAxisProps(points: Array<{ time: number }>, theme: Theme) {
  return {
    dataKey: 'time',
    type: 'number' as const,
    scale: 'time' as const,
    domain: timeDomain(points),
    tickFormatter: (time: number) => formatDate(time),
    ...chartStyle(theme).axis,
  };
}

const useStyles = makeStyles((theme: Theme) => ({
  tooltip: { padding: theme.spacing(1, 1.5) },
  dot: {
    cursor: 'pointer',
    '&:focus': { outline: 'none' },
    '&:focus-visible': {
      stroke: theme.palette.text.primary,
      strokeWidth: 3,
    },
  },
}));

function TrendTooltip(props: { point?: ChartPoint }) {
  const classes = useStyles();
  const { point } = props;
  if (!point) return null;
  let thresholds = 'no thresholds';
  if (point.thresholdsPassed !== undefined) {
    thresholds = point.thresholdsPassed
      ? 'thresholds passed'
      : 'thresholds failed';
  }
  return (
    <Paper className={classes.tooltip} elevation={3}>
      <Typography variant="subtitle2">
        {point.release ? `Release ${point.release}` : 'No release'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Started {formatDateTime(point.startedAt)}
      </Typography>
      <Typography variant="body2">
        p95 {formatMs(point.p95)} · p99 {formatMs(point.p99)}
      </Typography>
      <Typography variant="body2">
        error rate{' '}
        {point.errorRatePercent === undefined
          ? '—'
          : `${point.errorRatePercent.toFixed(2)} %`}{' '}
        · {thresholds}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Click the point to select this run
      </Typography>
    </Paper>
  );
}

type RunDotProps = {
  dot: DotItemDotProps;
  point?: ChartPoint;
  series: string;
  color: string;
  selected: boolean;
  /** Only one series' dots take keyboard focus, so tabbing stays short. */
  focusable: boolean;
  onSelect: (runId: string) => void;
};

function RunDot(props: RunDotProps) {
  const classes = useStyles();
  const theme = useTheme<Theme>();
  const { dot, point, selected, color } = props;
  if (!point || typeof dot.cx !== 'number' || typeof dot.cy !== 'number') {
    return null;
  }
  const select = () => props.onSelect(point.runId);
  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select();
    }
  };
  return (
    <circle
      className={classes.dot}
      cx={dot.cx}
      cy={dot.cy}
      r={selected ? 6 : 4}
      fill={selected ? color : theme.palette.background.paper}
      stroke={color}
      strokeWidth={2}
      role="button"
      tabIndex={props.focusable ? 0 : -1}
      aria-pressed={selected}
      aria-label={`${props.series} of the run started ${formatDateTime(
        point.startedAt,
      )}${point.release ? `, release ${point.release}` : ''}`}
      onClick={select}
      onKeyDown={onKeyDown}
    />
  );
}

type Axis = 'latency' | 'rate';

type SeriesSpec = {
  key: 'p95' | 'p99' | 'errorRatePercent';
  name: string;
  axis: Axis;
  color: string;
};

/** A horizontal line across the chart: a baseline value or an objective. */
type ReferenceLineSpec = {
  key: string;
  axis: Axis;
  y: number;
  label: string;
  color: string;
  /** Baselines are dashed; objectives solid. */
  dashed: boolean;
  position:
    | 'insideBottomLeft'
    | 'insideBottomRight'
    | 'insideTopLeft'
    | 'insideTopRight';
};

/**
 * The baseline's p95, p99 and error rate (dashed) and the SLO objectives
 * (solid), each on its axis; error rates in percent as the rate axis shows.
 */
export function referenceLinesOf(
  trend: EntityTrend,
  colors: { baseline: string; objective: string },
): ReferenceLineSpec[] {
  const lines: ReferenceLineSpec[] = [];
  const { baseline } = trend;
  if (baseline) {
    const label = baseline.kind === 'pinned' ? 'pinned baseline' : 'baseline';
    const values: Array<[string, Axis, number | undefined]> = [
      ['p95', 'latency', baseline.p95],
      ['p99', 'latency', baseline.p99],
      [
        'error rate',
        'rate',
        baseline.errorRate === undefined ? undefined : baseline.errorRate * 100,
      ],
    ];
    for (const [name, axis, y] of values) {
      if (y === undefined) continue;
      lines.push({
        key: `baseline-${name}`,
        axis,
        y,
        label: `${label} ${name}`,
        color: colors.baseline,
        dashed: true,
        position: axis === 'rate' ? 'insideBottomRight' : 'insideBottomLeft',
      });
    }
  }
  for (const line of trend.objectives) {
    const onRate = line.statistic === 'errorRate';
    lines.push({
      key: `${line.slo}-${line.objective}-${line.statistic}`,
      axis: onRate ? 'rate' : 'latency',
      y: onRate ? line.value * 100 : line.value,
      label: line.slo,
      color: colors.objective,
      dashed: false,
      position: onRate ? 'insideTopRight' : 'insideTopLeft',
    });
  }
  return lines;
}

export function PerfTrendChart(props: {
  trend: EntityTrend;
  selectedRunId?: string;
  onSelectRun: (runId: string) => void;
  height?: number;
}) {
  const theme = useTheme<Theme>();
  const { trend, selectedRunId, onSelectRun } = props;
  const data = chartPointsOf(trend.points);
  const series: SeriesSpec[] = [
    {
      key: 'p95',
      name: 'p95 latency',
      axis: 'latency',
      color: theme.palette.primary.main,
    },
    {
      key: 'p99',
      name: 'p99 latency',
      axis: 'latency',
      color: theme.palette.secondary.main,
    },
    {
      key: 'errorRatePercent',
      name: 'error rate',
      axis: 'rate',
      color: theme.palette.error.main,
    },
  ];
  const present = series.filter(s => data.some(p => p[s.key] !== undefined));
  const focusSeries = present[0]?.key;
  const referenceLines = referenceLinesOf(trend, {
    baseline: theme.palette.text.secondary,
    objective: theme.palette.warning.main,
  });
  const style = chartStyle(theme);

  return (
    <Box role="group" aria-label="Perf trend chart">
      <ResponsiveContainer width="100%" height={props.height ?? 300}>
        <LineChart
          data={data}
          margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid {...style.grid} />
          <XAxis {...timeAxisProps(data, theme)} />
          <YAxis
            yAxisId="latency"
            domain={[0, 'auto']}
            unit=" ms"
            {...style.axis}
            width={72}
          />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 'auto']}
            unit=" %"
            {...style.axis}
            width={56}
          />
          <Tooltip
            content={(tooltip: TooltipContentProps) => (
              <TrendTooltip
                point={
                  tooltip.active
                    ? data.find(p => p.time === Number(tooltip.label))
                    : undefined
                }
              />
            )}
          />
          <Legend />
          {present.map(s => (
            <Line
              key={s.key}
              yAxisId={s.axis}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              dot={(dot: DotItemDotProps) => (
                <RunDot
                  key={`${s.key}-${dot.index}`}
                  dot={dot}
                  point={data[dot.index]}
                  series={s.name}
                  color={s.color}
                  selected={data[dot.index]?.runId === selectedRunId}
                  focusable={s.key === focusSeries}
                  onSelect={onSelectRun}
                />
              )}
              activeDot={{ r: 6, cursor: 'pointer' }}
            />
          ))}
          {referenceLines.map(line => (
            <ReferenceLine
              key={line.key}
              yAxisId={line.axis}
              y={line.y}
              stroke={line.color}
              strokeWidth={line.dashed ? 1 : 1.5}
              strokeDasharray={line.dashed ? '6 4' : undefined}
              ifOverflow="extendDomain"
              label={{
                value: line.label,
                position: line.position,
                fill: line.color,
                fontSize: 11,
              }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** The metric keys of queue measurements seen in any run, sorted. */
export function queueKeysOf(points: TrendPoint[]): string[] {
  const keys = new Set<string>();
  for (const point of points) {
    for (const key of Object.keys(point.queues)) keys.add(key);
  }
  return [...keys].sort((a, b) => a.localeCompare(b, 'en'));
}

/** Waits (queue_drain_ms) are milliseconds; everything else counts messages. */
function isWait(key: string): boolean {
  return key.startsWith('queue_drain');
}

type QueueRow = {
  time: number;
  startedAt: string;
  values: Record<string, number>;
};

/**
 * Queue depth and drain time per run, from the queue metrics convention;
 * drawn only when the runs recorded queues.
 */
export function QueueTrendChart(props: {
  points: TrendPoint[];
  height?: number;
}) {
  const theme = useTheme<Theme>();
  const keys = queueKeysOf(props.points);
  const data: QueueRow[] = props.points.map(point => ({
    time: Date.parse(point.startedAt),
    startedAt: point.startedAt,
    values: point.queues,
  }));
  const colors = [
    theme.palette.info.main,
    theme.palette.success.main,
    theme.palette.secondary.main,
    theme.palette.warning.main,
    theme.palette.primary.main,
    theme.palette.error.main,
  ];
  const hasDepth = keys.some(key => !isWait(key));
  const hasWait = keys.some(isWait);
  const style = chartStyle(theme);
  return (
    <Box role="group" aria-label="Queue metrics chart">
      <ResponsiveContainer width="100%" height={props.height ?? 200}>
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid {...style.grid} />
          <XAxis {...timeAxisProps(data, theme)} />
          {hasDepth && (
            <YAxis
              yAxisId="depth"
              domain={[0, 'auto']}
              {...style.axis}
              width={72}
              label={{
                value: 'messages',
                angle: -90,
                position: 'insideLeft',
                fill: theme.palette.text.secondary,
                fontSize: 11,
              }}
            />
          )}
          {hasWait && (
            <YAxis
              yAxisId="wait"
              orientation={hasDepth ? 'right' : 'left'}
              domain={[0, 'auto']}
              unit=" ms"
              {...style.axis}
              width={72}
            />
          )}
          <Tooltip
            labelFormatter={label =>
              formatDateTime(new Date(Number(label)).toISOString())
            }
          />
          <Legend />
          {keys.map((key, index) => (
            <Line
              key={key}
              yAxisId={isWait(key) ? 'wait' : 'depth'}
              type="monotone"
              name={key}
              dataKey={(row: QueueRow) => row.values[key]}
              stroke={colors[index % colors.length]}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
