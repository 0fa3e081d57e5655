import {
  EmptyState,
  InfoCard,
  Link,
  WarningPanel,
} from '@backstage/core-components';
import {
  EntitySlo,
  EntitySlos,
  ObjectiveEvaluation,
  OPENSLO_ANNOTATION,
  isSampleRelease,
} from '@readiness/plugin-reliability-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { plural, SampleDataTitle } from '@readiness/portal-react';
import { DOCS } from '../docs';
import { ErrorBudgetBar } from './ErrorBudgetBar';
import { formatShare } from '../format';
import { StatusChip } from '../StatusChip';
import { RecordTable, TextCell } from '../RecordTable';

const useStyles = makeStyles((theme: Theme) => ({
  problems: { padding: theme.spacing(2, 2, 0) },
}));

type ObjectiveRow = {
  id: string;
  slo: string;
  objective: string;
  evaluation?: ObjectiveEvaluation;
  budget?: number;
  window: string;
};

function rowsOf(slos: EntitySlo[]): ObjectiveRow[] {
  return slos.flatMap(slo =>
    slo.objectives.map((objective, index) => ({
      id: `${slo.name}-${index}`,
      slo: slo.displayName ?? slo.name,
      objective:
        objective.displayName ??
        slo.latest?.objectives[index]?.expected ??
        `target ${formatShare(objective.target)}`,
      evaluation: slo.latest?.objectives[index],
      budget: slo.compliance[index]?.errorBudgetRemaining,
      window: `${slo.timeWindow.duration}, ${plural(slo.runsInWindow, 'run')}`,
    })),
  );
}

function ObjectiveStatusChip(props: { evaluation?: ObjectiveEvaluation }) {
  switch (props.evaluation?.status) {
    case 'met':
      return <StatusChip tone="ok" label="met" />;
    case 'missed':
      return <StatusChip tone="error" label="missed" />;
    case 'unsupported':
      return <StatusChip tone="warning" label="unsupported" />;
    default:
      return <StatusChip tone="neutral" label="no data" />;
  }
}

/**
 * The objectives of an entity's SLOs: each judged on the newest run it
 * applies to, with the error budget left over its window.
 */
export function SloObjectivesCard(props: { slos: EntitySlos }) {
  const classes = useStyles();
  const { slos } = props;
  const problems = slos.problems;
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title="Service level objectives"
          sample={slos.slos.some(slo => isSampleRelease(slo.latest?.release))}
          what="The runs these objectives are judged on are"
        />
      }
      subheader="Judged on the newest perf run; error budget over the SLO window"
      noPadding={slos.slos.length > 0}
    >
      {problems.length > 0 && (
        <Box className={classes.problems}>
          <WarningPanel
            defaultExpanded
            title={`${plural(problems.length, 'problem')} in the OpenSLO files`}
          >
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.file}
                  {p.line !== undefined ? `:${p.line}` : ''} {p.path}:{' '}
                  {p.message}
                </li>
              ))}
            </ul>
          </WarningPanel>
        </Box>
      )}
      {slos.slos.length === 0 ? (
        <EmptyState
          missing="field"
          title="No SLOs for this entity yet"
          description={`Write the objectives as OpenSLO files next to catalog-info.yaml and name them with the ${OPENSLO_ANNOTATION} annotation, e.g. "${OPENSLO_ANNOTATION}: ./slo.yaml". SLIs of type k6 are judged on the perf runs CI publishes.`}
          action={<Link to={DOCS.slos}>How to write them</Link>}
        />
      ) : (
        <RecordTable aria-label="Service level objectives">
          <TableHead>
            <TableRow>
              <TableCell>SLO</TableCell>
              <TableCell>Objective</TableCell>
              <TableCell>Newest run</TableCell>
              <TableCell>Measured</TableCell>
              <TableCell>Error budget left</TableCell>
              <TableCell>Window</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rowsOf(slos.slos).map(row => (
              <TableRow key={row.id}>
                <TextCell>{row.slo}</TextCell>
                <TextCell>{row.objective}</TextCell>
                <TableCell>
                  <ObjectiveStatusChip evaluation={row.evaluation} />
                </TableCell>
                <TextCell>
                  {row.evaluation ? (
                    <Typography variant="body2" title={row.evaluation.expected}>
                      {row.evaluation.reason}
                    </Typography>
                  ) : (
                    '—'
                  )}
                </TextCell>
                <TableCell>
                  <ErrorBudgetBar remaining={row.budget} />
                </TableCell>
                <TableCell>{row.window}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </RecordTable>
      )}
    </InfoCard>
  );
}
