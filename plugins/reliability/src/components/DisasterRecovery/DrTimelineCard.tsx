import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  DrillCadence,
  DrillProblem,
  EntityDrills,
  isSampleDrill,
} from '@readiness/plugin-reliability-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import EventIcon from '@material-ui/icons/Event';
import useAsync from 'react-use/esm/useAsync';
import {
  formatDate,
  plural,
  entityRefOf as refOf,
  SampleDataChip,
  SampleDataTitle,
  useEntityName,
} from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';
import { DrillChart } from './DrillChart';
import { DOCS } from '../docs';
import { daysUntil, formatMinutes } from '../format';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { StatusChip, StatusTone } from '../StatusChip';
import { RecordTable, TextCell } from '../RecordTable';

const useStyles = makeStyles((theme: Theme) => ({
  section: { marginBottom: theme.spacing(2) },
  due: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  measure: { whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  evidence: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    '& li': {
      maxWidth: 240,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
  },
}));

const RESULT_TONE: Record<
  EntityDrills['drills'][number]['result'],
  StatusTone
> = {
  passed: 'ok',
  partial: 'warning',
  failed: 'error',
};

/** "Overdue by N days" or when the next drill is due. */
export function cadenceText(cadence: DrillCadence, now = new Date()): string {
  if (cadence.overdue) {
    return `Drill overdue by ${plural(cadence.daysOverdue, 'day')}`;
  }
  if (!cadence.lastDrill) return 'A first drill is due now';
  const days = daysUntil(cadence.nextDue, now);
  return `Next drill due ${formatDate(cadence.nextDue)} (${
    days <= 0 ? 'today' : `in ${plural(days, 'day')}`
  })`;
}

function CadenceBanner(props: { cadence: DrillCadence }) {
  const classes = useStyles();
  const { cadence } = props;
  const last = cadence.lastDrill
    ? `The last drill started ${formatDate(cadence.lastDrill)}.`
    : 'This entity has never been drilled.';
  if (cadence.overdue) {
    return (
      <Box className={classes.section}>
        <WarningPanel
          severity="warning"
          defaultExpanded
          title={cadenceText(cadence)}
          message={`${last} The next one was due ${formatDate(
            cadence.nextDue,
          )}.`}
        />
      </Box>
    );
  }
  return (
    <Box className={classes.due}>
      <EventIcon color="action" fontSize="small" />
      <Typography variant="body2">
        {cadenceText(cadence)}. {last}
      </Typography>
    </Box>
  );
}

function ProblemList(props: { problems: DrillProblem[] }) {
  const classes = useStyles();
  if (props.problems.length === 0) return null;
  return (
    <Box className={classes.section}>
      <WarningPanel
        defaultExpanded
        title={`${plural(
          props.problems.length,
          'problem',
        )} in the drill records or targets`}
      >
        <ul>
          {props.problems.map((p, i) => (
            <li key={i}>
              {p.source}
              {p.line !== undefined ? `:${p.line}` : ''}
              {p.field ? ` ${p.field}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      </WarningPanel>
    </Box>
  );
}

function Measure(props: { achieved: number; target: number; met: boolean }) {
  const classes = useStyles();
  return (
    <Box className={classes.measure}>
      <Typography variant="body2" component="span">
        {formatMinutes(props.achieved)} / {formatMinutes(props.target)}{' '}
      </Typography>
      <StatusChip
        tone={props.met ? 'ok' : 'error'}
        label={props.met ? 'met' : 'missed'}
      />
    </Box>
  );
}

/** A short name for an evidence link: its host and the last path segment. */
function evidenceName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).at(-1);
    return last ? `${parsed.hostname} › ${last}` : parsed.hostname;
  } catch {
    return url;
  }
}

function DrillTable(props: { drills: EntityDrills['drills'] }) {
  const classes = useStyles();
  return (
    <RecordTable aria-label="DR drills">
      <TableHead className={classes.nowrap}>
        <TableRow>
          <TableCell>Started</TableCell>
          <TableCell>Scenario</TableCell>
          <TableCell>Disruption</TableCell>
          <TableCell>Result</TableCell>
          <TableCell>RTO / target</TableCell>
          <TableCell>RPO / target</TableCell>
          <TableCell>Evidence</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.drills.map(drill => (
          <TableRow key={`${drill.source}/${drill.started}`}>
            <TableCell>
              <span className={classes.nowrap}>
                {formatDate(drill.started)}
              </span>
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                {drill.source}
              </Typography>
              {isSampleDrill(drill) && <SampleDataChip what="This drill is" />}
            </TableCell>
            <TextCell>{drill.scenario}</TextCell>
            <TableCell>{drill.disruptionType}</TableCell>
            <TableCell>
              <StatusChip
                tone={RESULT_TONE[drill.result]}
                label={drill.result}
              />
            </TableCell>
            <TableCell>
              <Measure
                achieved={drill.achievedRtoMinutes}
                target={drill.targets.rtoMinutes}
                met={drill.rtoMet}
              />
            </TableCell>
            <TableCell>
              <Measure
                achieved={drill.achievedRpoMinutes}
                target={drill.targets.rpoMinutes}
                met={drill.rpoMet}
              />
            </TableCell>
            <TableCell>
              {drill.evidence.length === 0 ? (
                '—'
              ) : (
                <ul className={classes.evidence}>
                  {drill.evidence.map(url => (
                    <li key={url} title={url}>
                      <Link to={url}>{evidenceName(url)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </RecordTable>
  );
}

/**
 * The disaster-recovery record of an entity: its drills with achieved RTO
 * and RPO against the targets of their disruption type, and when the next
 * drill is due.
 */
export function DrTimelineCard() {
  const classes = useStyles();
  const entity = useEntityName();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityDrills(entity),
    [api, entity],
  );
  const title = 'DR timeline';

  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title}>
        <RecordErrorPanel
          error={error ?? new Error('No drills were returned')}
          what="DR record"
        />
      </InfoCard>
    );
  }
  if (value.drills.length === 0) {
    return (
      <InfoCard title={title}>
        <ProblemList problems={value.problems} />
        <EmptyState
          missing="data"
          title="No DR drills recorded for this entity"
          description={`Record each drill as docs/drills/<date>.md with YAML front matter that lists ${refOf(
            entity,
          )} under entities, or have the restore pipeline push it with POST /api/reliability/v1/drills. Targets come from the configuration or the readiness.dev/dr-targets annotation, e.g. "rto=30m,rpo=5m". ${cadenceText(
            value.cadence,
          )}.`}
          action={<Link to={DOCS.drillRecords}>How to record a drill</Link>}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={value.drills.some(isSampleDrill)}
          what="Drills marked so are"
        />
      }
      subheader="Achieved RTO and RPO of each drill against the targets of its disruption type"
    >
      <CadenceBanner cadence={value.cadence} />
      <ProblemList problems={value.problems} />
      <Box className={classes.section}>
        <DrillChart drills={value.drills} />
      </Box>
      <DrillTable drills={value.drills} />
    </InfoCard>
  );
}
