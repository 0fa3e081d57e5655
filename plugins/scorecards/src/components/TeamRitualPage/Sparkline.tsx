/*
 * An entity's score over the rollup's days as a small line without axes,
 * the last point coloured by the entity's level; a dash when it has fewer
 * than two days.
 */
import Typography from '@material-ui/core/Typography';
import { Theme, useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';
import { RollupTrendPoint } from '../../api';
import { LEVEL_COLORS } from '../levels';

export function describeTrend(points: RollupTrendPoint[]): string {
  const scored = points.filter(p => p.score !== null);
  if (scored.length < 2) return 'Not enough days for a trend yet';
  const first = scored[0].score!;
  const last = scored[scored.length - 1].score!;
  const change =
    last === first
      ? 'no change'
      : `${last > first ? 'up' : 'down'} ${Math.abs(last - first)}`;
  return `Score ${first} to ${last} over ${scored.length} days, ${change}`;
}

export function Sparkline(props: { points: RollupTrendPoint[] }) {
  const theme = useTheme<Theme>();
  const { points } = props;
  const label = describeTrend(points);
  if (points.filter(p => p.score !== null).length < 2) {
    return (
      <Typography variant="body2" color="textSecondary" title={label}>
        —
      </Typography>
    );
  }
  const last = points[points.length - 1];
  const color = last.level
    ? LEVEL_COLORS[last.level]
    : theme.palette.primary.main;
  return (
    <span role="img" aria-label={label} title={label}>
      <LineChart width={120} height={32} data={points}>
        <YAxis domain={[0, 100]} hide />
        <Line
          type="linear"
          dataKey="score"
          stroke={color}
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
