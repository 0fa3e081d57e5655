import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  isSampleRelease,
  RunDifference,
  TrendPoint,
} from '@readiness/plugin-reliability-common';
import { useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import useAsync from 'react-use/esm/useAsync';
import { plural, SampleDataTitle } from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';
import { changeVerdict } from './changeDirection';
import { DOCS } from '../docs';
import { formatDateTime, signed } from '../format';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { RecordTable } from '../RecordTable';

const useStyles = makeStyles((theme: Theme) => ({
  runs: { padding: theme.spacing(2, 2, 1) },
  scroll: { maxHeight: 480, overflowY: 'auto' },
  worse: { color: theme.palette.error.main, fontWeight: 600 },
  better: { color: theme.palette.success.main },
  icon: { verticalAlign: 'middle', marginLeft: theme.spacing(0.5) },
  hint: { padding: theme.spacing(2) },
  toggle: { margin: theme.spacing(0, 2, 1) },
}));

function runLabel(point: TrendPoint): string {
  return `${formatDateTime(point.startedAt)}${
    point.release ? ` (${point.release})` : ''
  }`;
}

function value(statistic: string, n: number): string {
  return statistic === 'rate' ? `${(n * 100).toFixed(2)} %` : n.toFixed(2);
}

function ChangeCell(props: { difference: RunDifference; relative?: boolean }) {
  const classes = useStyles();
  const { difference: d, relative } = props;
  let text: string;
  if (relative) {
    text =
      d.relativeChange === undefined
        ? '—'
        : `${signed(d.relativeChange * 100, 1)} %`;
  } else {
    text =
      d.statistic === 'rate'
        ? `${signed(d.change * 100, 2)} pt`
        : signed(d.change, 2);
  }
  const verdict = changeVerdict(d.metric, d.statistic, d.change);
  if (verdict === 'neutral') return <>{text}</>;
  const Icon = d.change > 0 ? ArrowUpwardIcon : ArrowDownwardIcon;
  return (
    <span className={classes[verdict]}>
      {text}
      {!relative && (
        <Icon
          fontSize="inherit"
          className={classes.icon}
          titleAccess={verdict}
        />
      )}
    </span>
  );
}

/**
 * Two runs of the same scenario side by side, statistic by statistic: what
 * changed from the older run (A) to the newer (B), worse changes marked.
 */
export function RunComparisonCard(props: {
  /** The runs of the charted scenario, oldest first. */
  points: TrendPoint[];
  comparedRunIds: string[];
}) {
  const classes = useStyles();
  const api = useApi(reliabilityApiRef);
  const chosen = props.points.filter(p =>
    props.comparedRunIds.includes(p.runId),
  );
  const [a, b] = chosen.length === 2 ? chosen : [undefined, undefined];
  const {
    value: comparison,
    loading,
    error,
  } = useAsync(async () => {
    if (!a || !b) return undefined;
    return api.compareRuns(a.runId, b.runId);
  }, [api, a?.runId, b?.runId]);
  // Most statistics of a k6 run do not move; they would bury the ones that do
  const [showUnchanged, setShowUnchanged] = useState(false);

  const title = 'Run comparison';
  if (props.points.length < 2) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="One run is not enough to compare"
          description="Publish another run of this scenario in this environment (POST /api/reliability/v1/runs or readiness-ci publish); then tick two runs to see what changed between them."
          action={<Link to={DOCS.comparison}>How runs are compared</Link>}
        />
      </InfoCard>
    );
  }
  if (!a || !b) {
    return (
      <InfoCard title={title}>
        <Typography variant="body2" color="textSecondary">
          Tick two runs in the runs table to compare them, statistic by
          statistic. {chosen.length === 1 && 'One more to go.'}
        </Typography>
      </InfoCard>
    );
  }
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <RecordErrorPanel error={error} what="run comparison" />;
  } else if (!comparison || comparison.differences.length === 0) {
    body = (
      <Typography variant="body2" className={classes.hint}>
        The two runs share no statistic: they measured different metrics.
      </Typography>
    );
  } else {
    const unchanged = comparison.differences.filter(d => d.change === 0);
    const shown = showUnchanged
      ? comparison.differences
      : comparison.differences.filter(d => d.change !== 0);
    body = (
      <>
        {unchanged.length > 0 && (
          <FormControlLabel
            className={classes.toggle}
            control={
              <Switch
                size="small"
                checked={showUnchanged}
                onChange={event => setShowUnchanged(event.target.checked)}
              />
            }
            label={`Show the ${plural(
              unchanged.length,
              'unchanged statistic',
            )}`}
          />
        )}
        {shown.length === 0 ? (
          <Typography variant="body2" className={classes.hint}>
            Nothing changed between the two runs.
          </Typography>
        ) : (
          <RecordTable
            stickyHeader
            aria-label="Run comparison"
            className={classes.scroll}
          >
            <TableHead>
              <TableRow>
                <TableCell>Metric</TableCell>
                <TableCell>Statistic</TableCell>
                <TableCell align="right">A</TableCell>
                <TableCell align="right">B</TableCell>
                <TableCell align="right">Change</TableCell>
                <TableCell align="right">Relative change</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(d => (
                <TableRow key={`${d.metric}/${d.statistic}`}>
                  <TableCell>{d.metric}</TableCell>
                  <TableCell>{d.statistic}</TableCell>
                  <TableCell align="right">{value(d.statistic, d.a)}</TableCell>
                  <TableCell align="right">{value(d.statistic, d.b)}</TableCell>
                  <TableCell align="right">
                    <ChangeCell difference={d} />
                  </TableCell>
                  <TableCell align="right">
                    <ChangeCell difference={d} relative />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </RecordTable>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={isSampleRelease(a.release) || isSampleRelease(b.release)}
          what="The runs compared are"
        />
      }
      noPadding
    >
      <Box className={classes.runs}>
        <Typography variant="body2">
          <strong>A</strong> {runLabel(a)} → <strong>B</strong> {runLabel(b)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Latency in ms; higher latency or error rate is worse.
        </Typography>
      </Box>
      {body}
    </InfoCard>
  );
}
