import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { BackupVerificationCard } from '../DisasterRecovery/BackupVerificationCard';
import { DrTimelineCard } from '../DisasterRecovery/DrTimelineCard';
import { GateVerdictsCard } from '../Gates/GateVerdictsCard';
import { PerfRunsPanel } from '../PerfRuns/PerfRunsPanel';
import { isForbidden, RecordErrorPanel } from '../RecordErrorPanel';
import { SloObjectivesCard } from '../Slos/SloObjectivesCard';
import { useEntityName } from '@readiness/portal-react';

/**
 * The reliability record of an entity: SLOs, the perf trend with run
 * comparison and regression verdicts, release gate verdicts, backups and the
 * DR timeline.
 *
 * The SLOs are read first: a caller who may not read the record is told so
 * once, instead of by every card.
 *
 * @public
 */
export function EntityReliabilityContent() {
  const entity = useEntityName();
  const api = useApi(reliabilityApiRef);
  const {
    value: slos,
    loading,
    error,
  } = useAsync(() => api.getEntitySlos(entity), [api, entity]);

  if (loading) {
    return <Progress />;
  }
  if (error && isForbidden(error)) {
    return <RecordErrorPanel error={error} />;
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        {slos ? (
          <SloObjectivesCard slos={slos} />
        ) : (
          <InfoCard title="Service level objectives">
            <RecordErrorPanel
              error={error ?? new Error('No SLOs were returned')}
              what="SLOs"
            />
          </InfoCard>
        )}
      </Grid>
      <PerfRunsPanel />
      <Grid item xs={12}>
        <GateVerdictsCard />
      </Grid>
      <Grid item xs={12}>
        <BackupVerificationCard />
      </Grid>
      <Grid item xs={12}>
        <DrTimelineCard />
      </Grid>
    </Grid>
  );
}
