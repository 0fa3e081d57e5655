import { ChangeEvent } from 'react';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import {
  EntityTrend,
  isSampleRelease,
} from '@readiness/plugin-reliability-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { plural, SampleDataTitle } from '@readiness/portal-react';
import { DOCS } from '../docs';
import { PerfTrendChart, QueueTrendChart, queueKeysOf } from './PerfTrendChart';
import { RecordErrorPanel } from '../RecordErrorPanel';

/** One scenario in one environment: what a trend is drawn for. */
export type TrendSeries = { scenario: string; environment: string };

const useStyles = makeStyles((theme: Theme) => ({
  picker: { minWidth: 260, marginTop: theme.spacing(1) },
  refreshing: { marginBottom: theme.spacing(1) },
  queues: { marginTop: theme.spacing(3) },
  caption: { display: 'block', marginTop: theme.spacing(1) },
}));

function SeriesPicker(props: {
  trend: EntityTrend;
  onSelectSeries: (series: TrendSeries) => void;
}) {
  const classes = useStyles();
  const { trend } = props;
  const current = trend.series.findIndex(
    s => s.scenario === trend.scenario && s.environment === trend.environment,
  );
  const onChange = (event: ChangeEvent<{ value: unknown }>) => {
    const chosen = trend.series[Number(event.target.value)];
    if (chosen) {
      props.onSelectSeries({
        scenario: chosen.scenario,
        environment: chosen.environment,
      });
    }
  };
  return (
    <TextField
      select
      className={classes.picker}
      id="reliability-trend-series"
      label="Scenario and environment"
      variant="outlined"
      size="small"
      value={current < 0 ? '' : String(current)}
      onChange={onChange}
      SelectProps={{ native: true }}
    >
      {current < 0 && <option value="">—</option>}
      {trend.series.map((s, index) => (
        <option key={`${s.scenario}/${s.environment}`} value={index}>
          {`${s.scenario} in ${s.environment} (${plural(s.runs, 'run')})`}
        </option>
      ))}
    </TextField>
  );
}

function baselineText(trend: EntityTrend): string {
  const baseline = trend.baseline;
  if (!baseline) return 'No baseline yet (no passing run to build it from).';
  if (baseline.kind === 'pinned') {
    return 'Dashed: the pinned baseline run.';
  }
  return `Dashed: the baseline, the median of ${plural(
    baseline.runIds.length,
    'passing run',
  )}.`;
}

/**
 * p95/p99 latency and error rate of every run of one scenario in one
 * environment, against the baseline and the SLO objectives.
 */
export function PerfTrendCard(props: {
  entityRef: string;
  trend?: EntityTrend;
  loading: boolean;
  error?: Error;
  selectedRunId?: string;
  onSelectRun: (runId: string) => void;
  onSelectSeries: (series: TrendSeries) => void;
}) {
  const classes = useStyles();
  const { trend, loading, error } = props;
  const title = 'Perf trend';

  if (error) {
    return (
      <InfoCard title={title}>
        <RecordErrorPanel error={error} what="perf trend" />
      </InfoCard>
    );
  }
  if (!trend) {
    return <InfoCard title={title}>{loading ? <Progress /> : null}</InfoCard>;
  }
  if (trend.series.length === 0) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="No perf runs published yet"
          description={`CI publishes each k6 run with POST /api/reliability/v1/runs (the summary) or /v1/runs/stream (the JSON stream), naming ${props.entityRef}; readiness-ci publish (packages/readiness-ci) does both. The trend, the comparison and the regression verdicts follow from the runs.`}
          action={<Link to={DOCS.publishingRuns}>How CI publishes runs</Link>}
        />
      </InfoCard>
    );
  }
  const queues = queueKeysOf(trend.points);
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={trend.points.some(p => isSampleRelease(p.release))}
          what="These runs are"
        />
      }
      subheader={
        trend.scenario
          ? `Each run of ${trend.scenario} in ${trend.environment}`
          : undefined
      }
      action={
        <SeriesPicker trend={trend} onSelectSeries={props.onSelectSeries} />
      }
    >
      {loading && (
        <LinearProgress
          className={classes.refreshing}
          aria-label="Loading the trend"
        />
      )}
      {trend.points.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No runs of this scenario in this environment yet.
        </Typography>
      ) : (
        <>
          <PerfTrendChart
            trend={trend}
            selectedRunId={props.selectedRunId}
            onSelectRun={props.onSelectRun}
          />
          <Typography
            variant="caption"
            color="textSecondary"
            className={classes.caption}
          >
            {baselineText(trend)}
            {trend.objectives.length > 0 &&
              ' Solid lines: the SLO objectives on these statistics.'}{' '}
            Select a point to see that run's regression verdict.
          </Typography>
          {queues.length > 0 && (
            <Box className={classes.queues}>
              <Typography variant="subtitle2" component="h3">
                Queues
              </Typography>
              <QueueTrendChart points={trend.points} />
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
