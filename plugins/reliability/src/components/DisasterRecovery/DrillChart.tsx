import Box from '@material-ui/core/Box';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  DisruptionType,
  EntityDrills,
} from '@readiness/plugin-reliability-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartStyle, formatDate } from '@readiness/portal-react';
import { formatMinutes } from '../format';

type DrillBar = {
  label: string;
  rto: number;
  rpo: number;
};

type TargetLine = {
  measure: 'RTO' | 'RPO';
  minutes: number;
  types: DisruptionType[];
};

/**
 * One line per target value: disruption types that share a target share its
 * line, so the chart names each target once.
 */
function targetLinesOf(drills: EntityDrills['drills']): TargetLine[] {
  const lines = new Map<string, TargetLine>();
  const add = (
    measure: TargetLine['measure'],
    minutes: number,
    type: DisruptionType,
  ) => {
    const key = `${measure}/${minutes}`;
    const line = lines.get(key) ?? { measure, minutes, types: [] };
    if (!line.types.includes(type)) line.types.push(type);
    lines.set(key, line);
  };
  for (const drill of drills) {
    add('RTO', drill.targets.rtoMinutes, drill.disruptionType);
    add('RPO', drill.targets.rpoMinutes, drill.disruptionType);
  }
  return [...lines.values()];
}

/** Achieved RTO and RPO of each drill, oldest first, against the targets. */
export function DrillChart(props: {
  drills: EntityDrills['drills'];
  height?: number;
}) {
  const theme = useTheme<Theme>();
  const data: DrillBar[] = [...props.drills].reverse().map(drill => ({
    label: `${formatDate(drill.started)} · ${drill.disruptionType}`,
    rto: drill.achievedRtoMinutes,
    rpo: drill.achievedRpoMinutes,
  }));
  const colors = {
    RTO: theme.palette.primary.main,
    RPO: theme.palette.secondary.main,
  };
  const style = chartStyle(theme);
  return (
    <Box role="group" aria-label="Achieved RTO and RPO per drill">
      <ResponsiveContainer width="100%" height={props.height ?? 260}>
        <BarChart
          data={data}
          margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
          barGap={4}
        >
          <CartesianGrid {...style.grid} />
          <XAxis dataKey="label" {...style.axis} />
          <YAxis domain={[0, 'auto']} unit=" min" {...style.axis} width={72} />
          <Tooltip
            formatter={(value: unknown) =>
              typeof value === 'number' ? formatMinutes(value) : String(value)
            }
            cursor={{ fill: theme.palette.action.hover }}
          />
          <Legend />
          <Bar
            dataKey="rto"
            name="achieved RTO"
            fill={colors.RTO}
            maxBarSize={48}
            isAnimationActive={false}
          />
          <Bar
            dataKey="rpo"
            name="achieved RPO"
            fill={colors.RPO}
            maxBarSize={48}
            isAnimationActive={false}
          />
          {targetLinesOf(props.drills).map(line => (
            <ReferenceLine
              key={`${line.measure}/${line.minutes}`}
              y={line.minutes}
              stroke={colors[line.measure]}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{
                value: `${line.measure} target ${formatMinutes(
                  line.minutes,
                )} (${line.types.join(', ')})`,
                position: 'insideTopRight',
                fill: colors[line.measure],
                fontSize: 11,
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
