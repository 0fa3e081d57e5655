import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EntitySlo,
  ObjectiveEvaluation,
  OPENSLO_ANNOTATION,
  PerfRunSummary,
} from '@readiness/plugin-reliability-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api';

const DOCS = '/docs/default/system/readiness-portal/reliability';

type ObjectiveRow = {
  id: string;
  slo: string;
  objective: string;
  evaluation?: ObjectiveEvaluation;
  budget?: number;
  window: string;
};

function Status({ evaluation }: { evaluation?: ObjectiveEvaluation }) {
  switch (evaluation?.status) {
    case 'met':
      return <StatusOK>met</StatusOK>;
    case 'missed':
      return <StatusError>missed</StatusError>;
    case 'unsupported':
      return <StatusWarning>unsupported</StatusWarning>;
    default:
      return <StatusPending>no data</StatusPending>;
  }
}

function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}

function rowsOf(slos: EntitySlo[]): ObjectiveRow[] {
  return slos.flatMap(slo =>
    slo.objectives.map((objective, index) => ({
      id: `${slo.name}-${index}`,
      slo: slo.displayName ?? slo.name,
      objective:
        objective.displayName ??
        slo.latest?.objectives[index]?.expected ??
        `target ${percent(objective.target)}`,
      evaluation: slo.latest?.objectives[index],
      budget: slo.compliance[index]?.errorBudgetRemaining,
      window: `${slo.timeWindow.duration}, ${slo.runsInWindow} runs`,
    })),
  );
}

const objectiveColumns: TableColumn<ObjectiveRow>[] = [
  { title: 'SLO', field: 'slo' },
  { title: 'Objective', field: 'objective' },
  {
    title: 'Newest run',
    render: row => <Status evaluation={row.evaluation} />,
  },
  {
    title: 'Measured',
    render: row =>
      row.evaluation ? (
        <Typography variant="body2" title={row.evaluation.expected}>
          {row.evaluation.reason}
        </Typography>
      ) : (
        '—'
      ),
  },
  { title: 'Error budget left', render: row => percent(row.budget) },
  { title: 'Window', field: 'window' },
];

const runColumns: TableColumn<PerfRunSummary>[] = [
  {
    title: 'Started',
    render: run => new Date(run.startedAt).toLocaleString(),
  },
  { title: 'Scenario', field: 'scenario' },
  { title: 'Environment', field: 'environment' },
  { title: 'Release', render: run => run.release ?? '—' },
  {
    title: 'k6 thresholds',
    render: run => {
      if (run.thresholdsPassed === undefined) {
        return <StatusPending>none</StatusPending>;
      }
      return run.thresholdsPassed ? (
        <StatusOK>passed</StatusOK>
      ) : (
        <StatusError>failed</StatusError>
      );
    },
  },
  { title: 'Source', field: 'format' },
];

/**
 * The reliability record of an entity: its SLOs, judged on the perf runs CI
 * publishes, and the newest runs.
 *
 * @public
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(async () => {
    const [slos, runs] = await Promise.all([
      api.getEntitySlos({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
      api.listRuns({ entityRef, limit: 20 }),
    ]);
    return { slos, runs };
  }, [api, entityRef]);

  if (loading) {
    return <Progress />;
  }
  if (error && (error as { statusCode?: number }).statusCode === 403) {
    return (
      <EmptyState
        missing="info"
        title="This reliability record is internal"
        description="The SLOs and perf runs of this entity are not published to you."
      />
    );
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const { slos, runs } = value!;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {slos.problems.length > 0 && (
          <WarningPanel
            title={`${slos.problems.length} ${
              slos.problems.length === 1 ? 'problem' : 'problems'
            } in the OpenSLO files`}
          >
            <ul>
              {slos.problems.map((p, i) => (
                <li key={i}>
                  {p.file}
                  {p.line !== undefined ? `:${p.line}` : ''} {p.path}:{' '}
                  {p.message}
                </li>
              ))}
            </ul>
          </WarningPanel>
        )}
        {slos.slos.length === 0 ? (
          <EmptyState
            missing="field"
            title="No SLOs for this entity yet"
            description={`Write the objectives as OpenSLO files next to catalog-info.yaml and name them with the ${OPENSLO_ANNOTATION} annotation, e.g. "${OPENSLO_ANNOTATION}: ./slo.yaml". SLIs of type k6 are judged on the perf runs CI publishes.`}
            action={<Link to={`${DOCS}/slos/`}>How to write them</Link>}
          />
        ) : (
          <Table<ObjectiveRow>
            title="Service level objectives"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={objectiveColumns}
            data={rowsOf(slos.slos)}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        {runs.items.length === 0 ? (
          <EmptyState
            missing="data"
            title="No perf runs published yet"
            description={`CI publishes each k6 run with POST /api/reliability/v1/runs (the summary) or /v1/runs/stream (the JSON stream), naming ${entityRef}.`}
            action={
              <Link to={`${DOCS}/publishing-runs/`}>How CI publishes runs</Link>
            }
          />
        ) : (
          <InfoCard title="Newest perf runs" noPadding>
            <Table<PerfRunSummary>
              options={{
                paging: false,
                search: false,
                padding: 'dense',
                toolbar: false,
              }}
              columns={runColumns}
              data={runs.items}
            />
          </InfoCard>
        )}
      </Grid>
    </Grid>
  );
}
