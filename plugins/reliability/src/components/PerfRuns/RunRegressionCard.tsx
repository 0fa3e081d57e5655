import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  isSampleRelease,
  RegressionFinding,
  RunRegression,
  TrendPoint,
} from '@readiness/plugin-reliability-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { plural, SampleDataTitle } from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';
import { DOCS } from '../docs';
import { formatDateTime, signed } from '../format';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { StatusChip } from '../StatusChip';
import { RecordTable } from '../RecordTable';

const useStyles = makeStyles((theme: Theme) => ({
  summary: {
    padding: theme.spacing(2, 2, 1),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  verdict: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  hint: { padding: theme.spacing(2) },
}));

function VerdictChip(props: { regressed?: boolean }) {
  if (props.regressed === undefined) {
    return <StatusChip tone="neutral" label="no verdict" />;
  }
  return props.regressed ? (
    <StatusChip tone="error" label="regressed" />
  ) : (
    <StatusChip tone="ok" label="within tolerance" />
  );
}

function baselineText(regression: RunRegression): string {
  const { baseline } = regression;
  if (baseline.kind === 'pinned') {
    return `Pinned baseline: run ${baseline.runIds.join(', ')}, pinned by ${
      baseline.pinnedBy
    } on ${formatDateTime(baseline.pinnedAt)}`;
  }
  if (baseline.runIds.length === 0) {
    return 'Median baseline: no earlier passing run yet';
  }
  return `Median baseline of ${plural(
    baseline.runIds.length,
    'earlier passing run',
  )}`;
}

function number(finding: RegressionFinding, n: number): string {
  return finding.statistic === 'rate'
    ? `${(n * 100).toFixed(2)} %`
    : `${n.toFixed(1)} ms`;
}

function change(finding: RegressionFinding): string {
  return finding.statistic === 'rate'
    ? `${signed(finding.change * 100, 2)} pt`
    : `${signed(finding.change, 1)} ms`;
}

/**
 * The selected run judged against its baseline (pinned, or the median of
 * earlier passing runs), with every comparison the verdict rests on.
 */
export function RunRegressionCard(props: { run?: TrendPoint }) {
  const classes = useStyles();
  const api = useApi(reliabilityApiRef);
  const runId = props.run?.runId;
  const { value, loading, error } = useAsync(
    async () => (runId ? api.getRegression(runId) : undefined),
    [api, runId],
  );
  const title = 'Regression verdict';

  if (!props.run) {
    return (
      <InfoCard title={title}>
        <Typography variant="body2" color="textSecondary">
          Select a run, on the trend or in the runs table, to judge it against
          its baseline. <Link to={DOCS.comparison}>How baselines work</Link>
        </Typography>
      </InfoCard>
    );
  }
  const subheader = `Run started ${formatDateTime(props.run.startedAt)}${
    props.run.release ? `, release ${props.run.release}` : ''
  }`;
  if (loading) {
    return (
      <InfoCard title={title} subheader={subheader}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title} subheader={subheader}>
        <RecordErrorPanel
          error={error ?? new Error('No verdict was returned')}
          what="regression verdict"
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={isSampleRelease(props.run.release)}
          what="This run is"
        />
      }
      subheader={subheader}
      noPadding
    >
      <Box className={classes.summary}>
        <Box className={classes.verdict}>
          <VerdictChip regressed={value.regressed} />
          <Typography variant="body2">{value.reason}</Typography>
        </Box>
        <Typography variant="body2" color="textSecondary">
          {baselineText(value)}
        </Typography>
      </Box>
      {value.findings.length === 0 ? (
        <Typography variant="body2" className={classes.hint}>
          Nothing to compare: the run or its baseline lacks the latency
          percentiles and the error rate.
        </Typography>
      ) : (
        <RecordTable aria-label="Regression findings">
          <TableHead>
            <TableRow>
              <TableCell>Metric</TableCell>
              <TableCell>Statistic</TableCell>
              <TableCell align="right">Baseline</TableCell>
              <TableCell align="right">This run</TableCell>
              <TableCell align="right">Change</TableCell>
              <TableCell>Tolerance</TableCell>
              <TableCell>Result</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.findings.map(f => (
              <TableRow key={`${f.metric}/${f.statistic}`}>
                <TableCell>{f.metric}</TableCell>
                <TableCell>{f.statistic}</TableCell>
                <TableCell align="right">{number(f, f.baseline)}</TableCell>
                <TableCell align="right">{number(f, f.actual)}</TableCell>
                <TableCell align="right">{change(f)}</TableCell>
                <TableCell>{f.tolerance}</TableCell>
                <TableCell>
                  {f.regressed ? (
                    <StatusChip tone="error" label="worse" />
                  ) : (
                    <StatusChip tone="ok" label="ok" />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </RecordTable>
      )}
    </InfoCard>
  );
}
