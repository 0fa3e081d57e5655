import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { COMPARED_RUNS, PerfRunsCard } from './PerfRunsCard';
import { PerfTrendCard, TrendSeries } from './PerfTrendCard';
import { RunComparisonCard } from './RunComparisonCard';
import { RunRegressionCard } from './RunRegressionCard';
import { entityRefOf as refOf, useEntityName } from '@readiness/portal-react';

/** How many runs the trend shows. */
const TREND_RUNS = 50;

/**
 * The perf part of the reliability record: the trend of one scenario, its
 * runs, two of them compared and one judged against its baseline. The trend
 * is read once and shared, so a point clicked on the chart is the row
 * selected in the table.
 */
export function PerfRunsPanel() {
  const entity = useEntityName();
  const api = useApi(reliabilityApiRef);
  const [series, setSeries] = useState<TrendSeries>();
  const [selectedRunId, setSelectedRunId] = useState<string>();
  const [comparedRunIds, setComparedRunIds] = useState<string[]>([]);

  const {
    value: trend,
    loading,
    error,
  } = useAsync(
    () =>
      api.getEntityTrend(entity, {
        scenario: series?.scenario,
        environment: series?.environment,
        limit: TREND_RUNS,
      }),
    [api, entity, series?.scenario, series?.environment],
  );

  const onSelectSeries = useCallback((next: TrendSeries) => {
    setSeries(next);
    setSelectedRunId(undefined);
    setComparedRunIds([]);
  }, []);

  const onToggleCompare = useCallback((runId: string) => {
    setComparedRunIds(ids => {
      if (ids.includes(runId)) return ids.filter(id => id !== runId);
      return ids.length >= COMPARED_RUNS ? ids : [...ids, runId];
    });
  }, []);

  const points = trend?.points ?? [];
  const selectedRun = points.find(p => p.runId === selectedRunId);
  return (
    <>
      <Grid item xs={12}>
        <PerfTrendCard
          entityRef={refOf(entity)}
          trend={trend}
          loading={loading}
          error={error}
          selectedRunId={selectedRunId}
          onSelectRun={setSelectedRunId}
          onSelectSeries={onSelectSeries}
        />
      </Grid>
      {!error && points.length > 0 && (
        <>
          <Grid item xs={12}>
            <PerfRunsCard
              points={points}
              selectedRunId={selectedRunId}
              comparedRunIds={comparedRunIds}
              onSelectRun={setSelectedRunId}
              onToggleCompare={onToggleCompare}
            />
          </Grid>
          <Grid item xs={12}>
            <RunRegressionCard run={selectedRun} />
          </Grid>
          <Grid item xs={12}>
            <RunComparisonCard
              points={points}
              comparedRunIds={comparedRunIds}
            />
          </Grid>
        </>
      )}
    </>
  );
}
