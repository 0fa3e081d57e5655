import { Fragment, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  GateReason,
  GateStatus,
  isSampleRelease,
  KeptGateVerdict,
} from '@readiness/plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Collapse from '@material-ui/core/Collapse';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { DOCS } from '../docs';
import { formatDateTime } from '../format';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { StatusChip, StatusTone } from '../StatusChip';
import { useGateVerdicts } from './useGateVerdicts';
import { RecordTable, TextCell } from '../RecordTable';
import {
  entityRefOf as refOf,
  ExpandRowButton,
  SampleDataTitle,
  useEntityName,
} from '@readiness/portal-react';

const PAGE_SIZE = 10;

const TONE: Record<GateStatus, StatusTone> = {
  pass: 'ok',
  fail: 'error',
  unknown: 'warning',
};

export function GateStatusChip(props: { status: GateStatus }) {
  return <StatusChip tone={TONE[props.status]} label={props.status} />;
}

const useStyles = makeStyles((theme: Theme) => ({
  row: { '& > *': { borderBottom: 'unset' } },
  reasons: {
    margin: theme.spacing(0, 0, 2, 6),
    '& td': { verticalAlign: 'top' },
  },
  more: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
  },
  mono: { fontFamily: 'monospace', fontSize: '0.8rem' },
}));

function reasonSummary(reasons: GateReason[]): string {
  const count = (status: GateStatus) =>
    reasons.filter(r => r.status === status).length;
  const parts = [
    [count('fail'), 'failed'],
    [count('unknown'), 'unknown'],
    [count('pass'), 'passed'],
  ] as const;
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, word]) => `${n} ${word}`)
      .join(' · ') || 'no reasons'
  );
}

function VerdictRow(props: { verdict: KeptGateVerdict }) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const { verdict } = props;
  const reasonsId = `gate-reasons-${verdict.id}`;
  return (
    <Fragment>
      <TableRow className={classes.row}>
        <TableCell padding="checkbox">
          <ExpandRowButton
            open={open}
            onToggle={() => setOpen(!open)}
            label={`the reasons for ${verdict.release} in ${verdict.environment}`}
            controls={reasonsId}
          />
        </TableCell>
        <TableCell>{verdict.release}</TableCell>
        <TableCell>{verdict.environment}</TableCell>
        <TableCell>
          <GateStatusChip status={verdict.status} />
        </TableCell>
        <TableCell>{formatDateTime(verdict.decidedAt)}</TableCell>
        <TableCell>{reasonSummary(verdict.reasons)}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={6}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <div id={reasonsId}>
              <RecordTable
                className={classes.reasons}
                aria-label={`Reasons for ${verdict.release} in ${verdict.environment}`}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>Status</TableCell>
                    <TableCell>Input</TableCell>
                    <TableCell>Subject</TableCell>
                    <TableCell>Why</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {verdict.reasons.map((reason, index) => (
                    <TableRow key={index}>
                      <TableCell>
                        <GateStatusChip status={reason.status} />
                      </TableCell>
                      <TableCell>{reason.input}</TableCell>
                      <TableCell>{reason.subject}</TableCell>
                      <TextCell>
                        {reason.message}
                        {reason.runId && (
                          <Typography
                            variant="caption"
                            display="block"
                            color="textSecondary"
                            className={classes.mono}
                          >
                            run {reason.runId}
                          </Typography>
                        )}
                      </TextCell>
                    </TableRow>
                  ))}
                </TableBody>
              </RecordTable>
            </div>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** Every release gate decision kept for the entity, newest first. */
export function GateVerdictsCard() {
  const classes = useStyles();
  const entity = useEntityName();
  const pages = useGateVerdicts(entity, PAGE_SIZE);
  const title = 'Release gate verdicts';

  if (pages.loading) {
    return (
      <InfoCard title={title} variant="gridItem">
        <Progress />
      </InfoCard>
    );
  }
  if (pages.error) {
    return (
      <InfoCard title={title} variant="gridItem">
        <RecordErrorPanel error={pages.error} what="release gate history" />
      </InfoCard>
    );
  }
  if (pages.items.length === 0) {
    const ref = refOf(entity);
    return (
      <InfoCard title={title} variant="gridItem">
        <EmptyState
          missing="data"
          title="No release gate decisions yet"
          description={`CI records the gate's verdict before a release: readiness-ci gate --entity ${ref} --release <release> --environment <environment> (packages/readiness-ci), or POST /api/reliability/v1/gates/${entity.kind}/${entity.namespace}/${entity.name} with { release, environment }, with a token that holds reliability.gate.record. The verdicts CI records are kept here. Name the scenarios each release must run with the readiness.dev/required-scenarios annotation.`}
          action={<Link to={DOCS.releaseGate}>How the gate decides</Link>}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={pages.items.some(v => isSampleRelease(v.release))}
          what="Verdicts on releases ending in +sample are"
        />
      }
      subheader="Newest first; expand a row for the reason of every input"
      variant="gridItem"
      noPadding
    >
      <RecordTable aria-label="Release gate verdicts">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" aria-label="Expand" />
            <TableCell>Release</TableCell>
            <TableCell>Environment</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Decided</TableCell>
            <TableCell>Reasons</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pages.items.map(verdict => (
            <VerdictRow key={verdict.id} verdict={verdict} />
          ))}
        </TableBody>
      </RecordTable>
      {pages.moreError && <ResponseErrorPanel error={pages.moreError} />}
      {pages.nextCursor && (
        <Box className={classes.more}>
          <Button
            variant="outlined"
            size="small"
            onClick={pages.loadMore}
            disabled={pages.loadingMore}
          >
            Load more
          </Button>
          {pages.loadingMore && (
            <CircularProgress size={20} aria-label="Loading more verdicts" />
          )}
        </Box>
      )}
    </InfoCard>
  );
}
