import { KeyboardEvent } from 'react';
import { InfoCard } from '@backstage/core-components';
import {
  isSampleRelease,
  TrendPoint,
} from '@readiness/plugin-reliability-common';
import { SampleDataTitle } from '@readiness/portal-react';
import Checkbox from '@material-ui/core/Checkbox';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { formatDateTime, formatMs, formatShare } from '../format';
import { StatusChip } from '../StatusChip';
import { RecordTable } from '../RecordTable';

const useStyles = makeStyles((theme: Theme) => ({
  scroll: { maxHeight: 420, overflowY: 'auto' },
  row: {
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
}));

function Thresholds(props: { passed?: boolean }) {
  if (props.passed === undefined) {
    return <StatusChip tone="neutral" label="none" />;
  }
  return props.passed ? (
    <StatusChip tone="ok" label="passed" />
  ) : (
    <StatusChip tone="error" label="failed" />
  );
}

/** How many runs can be compared at once. */
export const COMPARED_RUNS = 2;

/**
 * The runs of the charted scenario, newest first: a row selects its run, the
 * checkboxes choose the two runs to compare.
 */
export function PerfRunsCard(props: {
  points: TrendPoint[];
  selectedRunId?: string;
  comparedRunIds: string[];
  onSelectRun: (runId: string) => void;
  onToggleCompare: (runId: string) => void;
}) {
  const classes = useStyles();
  const newestFirst = [...props.points].reverse();
  const full = props.comparedRunIds.length >= COMPARED_RUNS;
  const onRowKey = (event: KeyboardEvent, runId: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelectRun(runId);
    }
  };
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title="Perf runs"
          sample={props.points.some(p => isSampleRelease(p.release))}
          what="Runs of releases ending in +sample are"
        />
      }
      subheader="Select a run for its regression verdict; tick two runs to compare them"
      noPadding
    >
      <RecordTable
        stickyHeader
        aria-label="Perf runs"
        className={classes.scroll}
      >
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">Compare</TableCell>
            <TableCell>Started</TableCell>
            <TableCell>Release</TableCell>
            <TableCell>k6 thresholds</TableCell>
            <TableCell align="right">p95</TableCell>
            <TableCell align="right">p99</TableCell>
            <TableCell align="right">Error rate</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {newestFirst.map(point => {
            const compared = props.comparedRunIds.includes(point.runId);
            const selected = point.runId === props.selectedRunId;
            const started = formatDateTime(point.startedAt);
            return (
              <TableRow
                key={point.runId}
                hover
                selected={selected}
                className={classes.row}
                tabIndex={0}
                aria-current={selected ? true : undefined}
                aria-label={`Run started ${started}`}
                onClick={() => props.onSelectRun(point.runId)}
                onKeyDown={event => onRowKey(event, point.runId)}
              >
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={compared}
                    disabled={!compared && full}
                    onClick={event => event.stopPropagation()}
                    onChange={() => props.onToggleCompare(point.runId)}
                    inputProps={{
                      'aria-label': `Compare the run started ${started}`,
                    }}
                  />
                </TableCell>
                <TableCell>{started}</TableCell>
                <TableCell>{point.release ?? '—'}</TableCell>
                <TableCell>
                  <Thresholds passed={point.thresholdsPassed} />
                </TableCell>
                <TableCell align="right">{formatMs(point.p95)}</TableCell>
                <TableCell align="right">{formatMs(point.p99)}</TableCell>
                <TableCell align="right">
                  {formatShare(point.errorRate, 2)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </RecordTable>
    </InfoCard>
  );
}
