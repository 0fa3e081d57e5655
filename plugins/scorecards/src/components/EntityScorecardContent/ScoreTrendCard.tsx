import { ChangeEvent, useMemo, useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { plural, useEntityName } from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { LEVEL_COLORS } from '../levels';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { ScoreTrendChart } from './ScoreTrendChart';

/** The spans the trend offers, in days up to today. */
export const TREND_SPANS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last year' },
];

const DAY_MS = 86_400_000;

/** The UTC days from `days - 1` days before `today` to `today`. */
export function rangeOf(
  days: number,
  today: Date = new Date(),
): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { from, to };
}

const useStyles = makeStyles((theme: Theme) => ({
  picker: { minWidth: 180, marginTop: theme.spacing(1) },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: '50%',
    marginRight: theme.spacing(0.5),
  },
}));

function LevelLegend() {
  const classes = useStyles();
  return (
    <Box className={classes.legend}>
      {(['bronze', 'silver', 'gold'] as const).map(level => (
        <Typography key={level} variant="caption" color="textSecondary">
          <span
            className={classes.swatch}
            style={{ backgroundColor: LEVEL_COLORS[level] }}
          />
          {level[0].toLocaleUpperCase('en-US') + level.slice(1)}
        </Typography>
      ))}
      <Typography variant="caption" color="textSecondary">
        Each point is the day's last recompute, coloured by the level of that
        day; a hollow point: no level.
      </Typography>
    </Box>
  );
}

/** The score of the entity day by day, over a span the reader picks. */
export function ScoreTrendCard() {
  const classes = useStyles();
  const entity = useEntityName();
  const api = useApi(scorecardsApiRef);
  const [span, setSpan] = useState(TREND_SPANS[0].days);
  const range = useMemo(() => rangeOf(span), [span]);
  const {
    value: history,
    loading,
    error,
  } = useAsync(
    () => api.getEntityScorecardHistory(entity, range),
    [api, entity, range],
  );
  const title = 'Score trend';
  const picker = (
    <TextField
      select
      className={classes.picker}
      id="scorecard-trend-span"
      label="Span"
      variant="outlined"
      size="small"
      value={String(span)}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        setSpan(Number(event.target.value))
      }
      SelectProps={{ native: true }}
    >
      {TREND_SPANS.map(s => (
        <option key={s.days} value={s.days}>
          {s.label}
        </option>
      ))}
    </TextField>
  );

  let body;
  if (error) {
    body = <RecordErrorPanel error={error} what="score history" />;
  } else if (loading || !history) {
    body = <Progress />;
  } else if (history.days.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No daily snapshot in this span yet. Each recompute stores the day's
        snapshot: shortly after the backend starts, every night, and when a
        family or a pipeline reports new facts.
      </Typography>
    );
  } else {
    body = (
      <>
        <ScoreTrendChart days={history.days} range={history} />
        <LevelLegend />
      </>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader={
        history && !loading
          ? `${plural(history.days.length, 'day')} with a snapshot`
          : undefined
      }
      action={picker}
    >
      {body}
    </InfoCard>
  );
}
