import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityName } from '@readiness/portal-react';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { NoCheckApplies } from '../emptyStates';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { ChecksCard } from './ChecksCard';
import { ScorecardSummaryCard } from './ScorecardSummaryCard';
import { ScoreTrendCard } from './ScoreTrendCard';

/**
 * The scorecard of an entity: its level and score, the trend of the score
 * day by day, and every check that applies with how to fix it.
 *
 * A caller who may not read the scorecard is told so once, instead of by
 * every card.
 *
 * @public
 */
export function EntityScorecardContent() {
  const { entity: pageEntity } = useEntity();
  const entity = useEntityName();
  const api = useApi(scorecardsApiRef);
  const {
    value: scorecard,
    loading,
    error,
  } = useAsync(() => api.getEntityScorecard(entity), [api, entity]);

  if (loading) {
    return <Progress />;
  }
  if (error || !scorecard) {
    return (
      <RecordErrorPanel
        error={error ?? new Error('No scorecard was returned')}
      />
    );
  }
  if (scorecard.applicable === 0) {
    return (
      <InfoCard title="Scorecard">
        <NoCheckApplies kind={pageEntity.kind} />
      </InfoCard>
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={4}>
        <ScorecardSummaryCard scorecard={scorecard} />
      </Grid>
      <Grid item xs={12} md={8}>
        <ScoreTrendCard />
      </Grid>
      <Grid item xs={12}>
        <ChecksCard scorecard={scorecard} />
      </Grid>
    </Grid>
  );
}
