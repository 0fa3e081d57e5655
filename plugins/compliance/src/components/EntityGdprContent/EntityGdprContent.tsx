import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DataFlow,
  EntityGdprRecord,
  ProcessingRecord,
} from '@readiness/plugin-compliance-common';
import { useEntityName } from '@readiness/portal-react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../api';
import { formatDateTime } from '../format';
import {
  FINDING_LABEL,
  GDPR_DOCS,
  LAWFUL_BASIS_LABEL,
  retentionText,
} from '../gdprFormat';
import { RecordErrorPanel } from '../RecordErrorPanel';

function FindingsCard(props: { gdpr: EntityGdprRecord }) {
  const { findings, problems } = props.gdpr;
  return (
    <InfoCard
      title="Findings"
      subheader={
        findings.length === 0 && problems.length === 0
          ? 'No gaps in this record'
          : undefined
      }
      deepLink={{ title: 'What each finding means', link: GDPR_DOCS.findings }}
    >
      {problems.length > 0 && (
        <>
          <Typography variant="subtitle2" color="error">
            The record file has problems; the parts that did not read are left
            out
          </Typography>
          <ul aria-label="Problems of the record">
            {problems.map((p, i) => (
              <li key={i}>
                <code>
                  {p.file}
                  {p.path}
                  {p.line ? ` (line ${p.line})` : ''}
                </code>
                : {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {findings.length > 0 && (
        <ul aria-label="Findings">
          {findings.map((f, i) => (
            <li key={i}>
              <strong>{FINDING_LABEL[f.kind]}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
}

function ActivitiesCard(props: { record: ProcessingRecord; file: string }) {
  const { record } = props;
  return (
    <InfoCard
      title={record.title ?? 'Record of processing'}
      subheader={`${record.role === 'controller' ? 'Controller' : 'Processor'}${
        record.controller ? ` for ${record.controller}` : ''
      } · ${props.file}`}
    >
      {record.description && (
        <Typography paragraph>{record.description}</Typography>
      )}
      <Table size="small" aria-label="Processing activities">
        <TableHead>
          <TableRow>
            <TableCell>Activity</TableCell>
            <TableCell>Purposes</TableCell>
            <TableCell>Lawful basis</TableCell>
            <TableCell>Data subjects</TableCell>
            <TableCell>Categories</TableCell>
            <TableCell>Retention and deletion</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {record.activities.map(activity => (
            <TableRow key={activity.id}>
              <TableCell>
                <strong>{activity.id}</strong>
                {activity.description && (
                  <Typography variant="body2" color="textSecondary">
                    {activity.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{activity.purposes.join('; ')}</TableCell>
              <TableCell>{LAWFUL_BASIS_LABEL[activity.lawfulBasis]}</TableCell>
              <TableCell>{activity.dataSubjects.join('; ')}</TableCell>
              <TableCell>
                {activity.categories.map(category => (
                  <Chip
                    key={category.name}
                    size="small"
                    label={
                      category.special
                        ? `${category.name} (Art. 9)`
                        : category.name
                    }
                    color={category.special ? 'secondary' : 'default'}
                    style={{ margin: 2 }}
                  />
                ))}
              </TableCell>
              <TableCell>
                {activity.retention ? (
                  <>
                    {retentionText(activity.retention)}
                    <Typography variant="body2" color="textSecondary">
                      {activity.retention.deletion}
                    </Typography>
                  </>
                ) : (
                  <Typography color="error">none stated</Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

function PartiesCard(props: { record: ProcessingRecord }) {
  const { processors, recipients, transfers } = props.record;
  return (
    <InfoCard title="Processors, recipients and transfers">
      <Table size="small" aria-label="Processors and recipients">
        <TableHead>
          <TableRow>
            <TableCell>Party</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>Purpose</TableCell>
            <TableCell>Receives</TableCell>
            <TableCell>DPA evidence</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {processors.map(p => (
            <TableRow key={`p-${p.name}`}>
              <TableCell>{p.name}</TableCell>
              <TableCell>processor</TableCell>
              <TableCell>{p.purpose}</TableCell>
              <TableCell>{p.categories.join('; ')}</TableCell>
              <TableCell>{p.dpa ? p.dpa.evidence : 'none named'}</TableCell>
            </TableRow>
          ))}
          {recipients.map(r => (
            <TableRow key={`r-${r.name}`}>
              <TableCell>{r.name}</TableCell>
              <TableCell>recipient</TableCell>
              <TableCell>{r.purpose}</TableCell>
              <TableCell>{r.categories.join('; ')}</TableCell>
              <TableCell />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Transfers outside the EEA
      </Typography>
      {transfers.length === 0 ? (
        <Typography variant="body2">None.</Typography>
      ) : (
        <ul aria-label="Transfers outside the EEA">
          {transfers.map((t, i) => (
            <li key={i}>
              {t.to} ({t.country}): {t.safeguard ?? 'no safeguard'}
              {t.note ? ` — ${t.note}` : ''}
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
}

function FlowTable(props: { flows: DataFlow[]; side: 'in' | 'out' }) {
  const { flows, side } = props;
  if (flows.length === 0) {
    return <Typography variant="body2">None known.</Typography>;
  }
  return (
    <Table size="small" aria-label={side === 'in' ? 'Flows in' : 'Flows out'}>
      <TableHead>
        <TableRow>
          <TableCell>{side === 'in' ? 'From' : 'To'}</TableCell>
          <TableCell>Known from</TableCell>
          <TableCell>Personal data</TableCell>
          <TableCell>Channel</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {flows.map((flow, i) => (
          <TableRow key={i}>
            <TableCell>
              <EntityRefLink entityRef={side === 'in' ? flow.from : flow.to} />
            </TableCell>
            <TableCell>
              {flow.source === 'declared'
                ? 'the record'
                : `catalog: ${flow.relation}${
                    flow.api ? ` ${flow.api.replace(/^api:default\//, '')}` : ''
                  }`}
            </TableCell>
            <TableCell>
              {flow.categories
                ? flow.categories.join('; ') || 'none'
                : 'not stated'}
              {flow.purpose && (
                <Typography variant="body2" color="textSecondary">
                  {flow.purpose}
                </Typography>
              )}
            </TableCell>
            <TableCell>{flow.channel}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FlowsCard(props: { gdpr: EntityGdprRecord }) {
  const { flows, catalogAsOf } = props.gdpr;
  return (
    <InfoCard
      title="Data flows"
      subheader={`From the catalog's relations and the records · catalog read ${formatDateTime(
        catalogAsOf,
      )}`}
    >
      <Typography variant="subtitle2">In</Typography>
      <FlowTable flows={flows.in} side="in" />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Out
      </Typography>
      <FlowTable flows={flows.out} side="out" />
    </InfoCard>
  );
}

/**
 * The GDPR record of processing of an entity: its activities, processors,
 * recipients and transfers, the findings and the problems of its file, and
 * the flows of data in and out of it.
 *
 * @public
 */
export function EntityGdprContent() {
  const entity = useEntityName();
  const api = useApi(complianceApiRef);
  const answer = useAsync(() => api.getEntityGdpr(entity), [api, entity]);

  if (answer.loading) return <Progress />;
  if (answer.error || !answer.value) {
    return (
      <RecordErrorPanel
        error={answer.error ?? new Error('No GDPR record was returned')}
        what="GDPR record"
      />
    );
  }
  const gdpr = answer.value;
  return (
    <Grid container spacing={3}>
      {gdpr.file === undefined ? (
        <Grid item xs={12}>
          <EmptyState
            missing="info"
            title="This entity has no record of processing"
            description="A service that processes personal data keeps its record (GDPR Art. 30) in a YAML file beside its catalog file: add the annotation readiness.dev/gdpr: ./gdpr.yaml to the entity and write the file. The record shows here within a minute of the catalog reading it."
            action={<Link to={GDPR_DOCS.attaching}>How to write a record</Link>}
          />
        </Grid>
      ) : (
        <Grid item xs={12}>
          <FindingsCard gdpr={gdpr} />
        </Grid>
      )}
      {gdpr.record && (
        <>
          <Grid item xs={12}>
            <ActivitiesCard record={gdpr.record} file={gdpr.file ?? ''} />
          </Grid>
          <Grid item xs={12}>
            <PartiesCard record={gdpr.record} />
          </Grid>
        </>
      )}
      <Grid item xs={12}>
        <FlowsCard gdpr={gdpr} />
      </Grid>
    </Grid>
  );
}
