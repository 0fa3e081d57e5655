import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ControlState,
  EntityComplianceSummary,
  FrameworkCoverage,
} from '@readiness/plugin-compliance-common';
import {
  CountTile,
  CountTiles,
  plural,
  RecordCardPlaceholder,
  useEntityName,
} from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../api';
import { DOCS } from '../docs';
import { formatDateTime } from '../format';
import { INTERNAL_RECORD_TITLE } from '../RecordErrorPanel';
import { SOURCE_LABEL, STATE_MEANING, STATE_ORDER } from '../states';

const useStyles = makeStyles((theme: Theme) => ({
  framework: { display: 'block', padding: theme.spacing(0.75, 0) },
  frameworkLine: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  bar: { height: 8, borderRadius: 4, margin: theme.spacing(0.5, 0) },
  newest: { borderTop: `1px solid ${theme.palette.divider}` },
}));

/** The counts the card shows, in the order they need attention. */
const COUNTED: Array<{ state: ControlState; label: string }> = [
  { state: 'failing', label: 'failing' },
  { state: 'expired', label: 'expired' },
  { state: 'expiring', label: 'expiring' },
  { state: 'missing', label: 'missing' },
];

/** The entity's controls per state, over every framework in its scope. */
export function stateTotals(
  summary: EntityComplianceSummary,
): Record<ControlState, number> {
  const totals = Object.fromEntries(
    STATE_ORDER.map(state => [state, 0]),
  ) as Record<ControlState, number>;
  for (const coverage of summary.coverage) {
    for (const state of STATE_ORDER) totals[state] += coverage.states[state];
  }
  return totals;
}

function CoverageLine(props: { coverage: FrameworkCoverage }) {
  const classes = useStyles();
  const { coverage } = props;
  const percent = Math.round(coverage.ratio * 100);
  return (
    <ListItem disableGutters className={classes.framework}>
      <Box className={classes.frameworkLine}>
        <Typography variant="body2">
          <strong>{coverage.title}</strong>
        </Typography>
        <Typography variant="body2">{percent} %</Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        className={classes.bar}
        aria-label={`${coverage.title} coverage`}
      />
      <Typography variant="caption" color="textSecondary">
        {coverage.applicable === 0
          ? 'Every control in scope is declared not applicable'
          : `${coverage.covered} of ${plural(
              coverage.applicable,
              'applicable control',
            )} covered by fresh or expiring evidence`}
      </Typography>
    </ListItem>
  );
}

function StateCounts(props: { counts: Record<ControlState, number> }) {
  const { counts } = props;
  return (
    <CountTiles columns={4}>
      {COUNTED.map(({ state, label }) => {
        const count = counts[state];
        let tone: 'warning' | 'attention' | undefined;
        if (count > 0 && state === 'expiring') tone = 'warning';
        else if (count > 0) tone = 'attention';
        return (
          <CountTile
            key={state}
            count={count}
            label={label}
            name={`${label} controls`}
            title={STATE_MEANING[state]}
            tone={tone}
          />
        );
      })}
    </CountTiles>
  );
}

function NewestEvidence(props: {
  newest: EntityComplianceSummary['newestEvidence'];
}) {
  const classes = useStyles();
  const { newest } = props;
  let body;
  if (!newest) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No evidence that counts yet: file it from the Compliance tab, or from CI
        with a publish token
      </Typography>
    );
  } else {
    body = (
      <>
        <Typography variant="body2">
          {newest.link ? (
            <Link to={newest.link}>{newest.title}</Link>
          ) : (
            newest.title
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {SOURCE_LABEL[newest.source]} · collected{' '}
          {formatDateTime(newest.collectedAt)}
        </Typography>
      </>
    );
  }
  return (
    <Box
      className={classes.newest}
      pt={1.5}
      role="region"
      aria-label="Newest evidence"
    >
      <Typography variant="overline" display="block">
        Newest evidence
      </Typography>
      {body}
    </Box>
  );
}

/** What the card says for an entity no control applies to. */
export function NoControlsApply() {
  return (
    <EmptyState
      missing="field"
      title="No controls apply to this entity"
      description="Controls come to an entity through the rules of compliance/applicability.yaml: a rule selects entities by kind, type, lifecycle, system, domain, tags or annotations and names the SOC 2 and ISO 27001 controls that apply to them. Add a rule that selects this entity, or tag it as an existing rule expects."
      action={<Link to={DOCS.scoping}>How to scope an entity</Link>}
    />
  );
}

/**
 * The compliance record at a glance, for the entity's overview: coverage
 * per framework, the controls that need attention, the newest evidence.
 */
export function EntityComplianceSummaryCard() {
  const { entity: pageEntity } = useEntity();
  const entityLink = useEntityRefLink();
  const entity = useEntityName();
  const api = useApi(complianceApiRef);
  const {
    value: summary,
    loading,
    error,
  } = useAsync(() => api.getEntitySummary(entity), [api, entity]);

  const title = 'Compliance';
  if (loading || error || !summary) {
    return (
      <RecordCardPlaceholder
        title={title}
        loading={loading}
        error={error}
        internalTitle={INTERNAL_RECORD_TITLE}
        internalDescription="The controls and evidence of this entity are not published to you."
        missing="No compliance record was returned"
      />
    );
  }
  const counts = stateTotals(summary);
  const inScope = STATE_ORDER.reduce((sum, state) => sum + counts[state], 0);
  if (inScope === 0) {
    return (
      <InfoCard title={title} variant="gridItem">
        <NoControlsApply />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader={`${plural(inScope, 'control')} in scope`}
      variant="gridItem"
      deepLink={{
        title: 'Open the compliance record',
        link: `${entityLink(pageEntity)}/compliance`,
      }}
    >
      <List dense disablePadding aria-label="Coverage per framework">
        {summary.coverage.map(coverage => (
          <CoverageLine key={coverage.framework} coverage={coverage} />
        ))}
      </List>
      <StateCounts counts={counts} />
      {summary.problems.length > 0 && (
        <Typography variant="body2" color="error" gutterBottom>
          {plural(summary.problems.length, 'problem')} in how this entity
          declares its scope: see the Compliance tab
        </Typography>
      )}
      <NewestEvidence newest={summary.newestEvidence} />
    </InfoCard>
  );
}
