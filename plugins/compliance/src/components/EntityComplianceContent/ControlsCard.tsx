import { Fragment, useState } from 'react';
import { InfoCard, Link, WarningPanel } from '@backstage/core-components';
import {
  ControlState,
  EntityComplianceRecord,
  EntityControlRecord,
  EvidenceItem,
} from '@readiness/plugin-compliance-common';
import { ExpandRowButton, FilterChips, plural } from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import { DOCS } from '../docs';
import { formatDateTime } from '../format';
import {
  ControlStateChip,
  countStates,
  STATE_LABEL,
  STATE_ORDER,
} from '../states';
import { EvidencePages } from './useEvidencePages';
import { EvidenceTimeline } from './EvidenceTimeline';

const useStyles = makeStyles((theme: Theme) => ({
  filters: { marginBottom: theme.spacing(2) },
  framework: { marginTop: theme.spacing(3) },
  frameworkHeading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  row: { '& > *': { borderBottom: 'unset' } },
  controlId: { fontFamily: 'monospace', whiteSpace: 'nowrap' },
  state: { whiteSpace: 'nowrap' },
  detail: { color: theme.palette.text.secondary },
  expanded: { padding: theme.spacing(1, 2, 2, 7) },
  expandedHeading: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));

/** The items a control's timeline shows: filed for it, or the one it rests on. */
export function evidenceOf(
  control: EntityControlRecord,
  items: EvidenceItem[],
): EvidenceItem[] {
  return items.filter(
    item =>
      item.controls.includes(control.control) ||
      item.id === control.evidence?.id,
  );
}

/** One line on what the state of a control rests on. */
function stateDetail(
  control: EntityControlRecord,
  items: EvidenceItem[],
): string {
  if (control.state === 'not-applicable') {
    return control.justification ?? 'Declared not applicable';
  }
  if (!control.evidence) return 'No evidence yet';
  const resting = items.find(item => item.id === control.evidence!.id);
  const through = control.evidence.through
    ? ` (filed for ${control.evidence.through}, counts through ${
        control.evidence.mapping ?? 'a mapping'
      })`
    : '';
  if (control.state === 'failing') {
    return `Not satisfied${resting ? `: ${resting.title}` : ''}${through}`;
  }
  const verb = control.state === 'expired' ? 'Expired' : 'Expires';
  return `${verb} ${formatDateTime(control.evidence.expiresAt)}${
    resting ? `: ${resting.title}` : ''
  }${through}`;
}

function ControlRow(props: {
  control: EntityControlRecord;
  evidence: EvidencePages;
  onFile?: (controls: string[]) => void;
  onWithdraw?: (item: EvidenceItem) => void;
}) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const { control, evidence } = props;
  const items = evidenceOf(control, evidence.items);
  const timelineId = `compliance-evidence-${control.control.replace(
    /[^A-Za-z0-9]/g,
    '-',
  )}`;
  return (
    <Fragment>
      <TableRow className={classes.row}>
        <TableCell padding="checkbox">
          <ExpandRowButton
            open={open}
            onToggle={() => setOpen(!open)}
            label={`the evidence of ${control.control}`}
            controls={timelineId}
          />
        </TableCell>
        <TableCell className={classes.controlId}>{control.control}</TableCell>
        <TableCell>{control.title}</TableCell>
        <TableCell className={classes.state}>
          <ControlStateChip state={control.state} />
        </TableCell>
        <TableCell className={classes.detail}>
          {stateDetail(control, evidence.items)}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={5}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <Box id={timelineId} className={classes.expanded}>
              <Box className={classes.expandedHeading}>
                <Typography variant="caption" color="textSecondary">
                  In scope through {control.rules.join(', ')}
                </Typography>
                {props.onFile && control.state !== 'not-applicable' && (
                  <Button
                    size="small"
                    color="primary"
                    startIcon={<AddIcon />}
                    onClick={() => props.onFile!([control.control])}
                  >
                    File evidence for {control.control}
                  </Button>
                )}
              </Box>
              {items.length > 0 ? (
                <EvidenceTimeline
                  items={items}
                  aria-label={`Evidence of ${control.control}`}
                  onWithdraw={props.onWithdraw}
                />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  No evidence filed for {control.control}
                  {evidence.nextCursor ? ' among the items read so far' : ''}
                </Typography>
              )}
              {evidence.nextCursor && (
                <Button
                  size="small"
                  onClick={evidence.loadMore}
                  disabled={evidence.loadingMore}
                >
                  Load older evidence
                </Button>
              )}
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/**
 * The controls that apply to the entity, grouped by framework, with their
 * state; a filter by state; each control opens onto its evidence.
 */
export function ControlsCard(props: {
  record: EntityComplianceRecord;
  evidence: EvidencePages;
  /** Offered when the reader may file evidence for the entity. */
  onFile?: (controls: string[]) => void;
  /** Offered when the reader may withdraw evidence of the entity. */
  onWithdraw?: (item: EvidenceItem) => void;
}) {
  const classes = useStyles();
  const { record, evidence } = props;
  const [shown, setShown] = useState<ControlState | 'all'>('all');
  const counts = countStates(record.controls.map(c => c.state));
  const visible = record.controls.filter(
    c => shown === 'all' || c.state === shown,
  );
  // In the order of the coverage (the loaded frameworks), as the card shows it
  const frameworks = [
    ...new Set([
      ...record.coverage.map(c => c.framework),
      ...record.controls.map(c => c.framework),
    ]),
  ];
  const titleOf = (framework: string) =>
    record.coverage.find(c => c.framework === framework)?.title ?? framework;

  return (
    <InfoCard
      title="Controls"
      subheader={`${plural(
        record.controls.length,
        'control',
      )} apply to this entity; states as of ${formatDateTime(record.asOf)}`}
      action={
        props.onFile && (
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => props.onFile!([])}
          >
            File evidence
          </Button>
        )
      }
    >
      {record.problems.length > 0 && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title={`${plural(
              record.problems.length,
              'problem',
            )} in how this entity declares its scope`}
            defaultExpanded
          >
            {record.problems.map(problem => (
              <Typography
                key={`${problem.path}:${problem.message}`}
                variant="body2"
              >
                <code>{problem.path}</code>: {problem.message}
              </Typography>
            ))}
          </WarningPanel>
        </Box>
      )}
      <FilterChips
        label="Filter by state"
        className={classes.filters}
        total={record.controls.length}
        values={STATE_ORDER.map(state => ({
          value: state,
          label: STATE_LABEL[state],
          count: counts[state],
        }))}
        shown={shown}
        onShow={setShown}
      >
        <Typography variant="caption">
          <Link to={DOCS.states}>What the states mean</Link>
        </Typography>
      </FilterChips>
      {frameworks.map(framework => {
        const controls = visible.filter(c => c.framework === framework);
        if (controls.length === 0) return null;
        const coverage = record.coverage.find(c => c.framework === framework);
        return (
          <Box key={framework} className={classes.framework}>
            <Box className={classes.frameworkHeading}>
              <Typography variant="h6" component="h3">
                {titleOf(framework)}
              </Typography>
              {coverage && (
                <Typography variant="body2" color="textSecondary">
                  {coverage.covered} of {coverage.applicable} covered (
                  {Math.round(coverage.ratio * 100)} %)
                </Typography>
              )}
            </Box>
            <Table size="small" aria-label={`${titleOf(framework)} controls`}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" aria-label="Expand" />
                  <TableCell>Control</TableCell>
                  <TableCell>Title</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell>Rests on</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {controls.map(control => (
                  <ControlRow
                    key={control.control}
                    control={control}
                    evidence={evidence}
                    onFile={props.onFile}
                    onWithdraw={props.onWithdraw}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      })}
    </InfoCard>
  );
}
