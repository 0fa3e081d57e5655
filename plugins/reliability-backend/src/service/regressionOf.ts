import {
  detectRegression,
  medianBaseline,
  statsOf,
  PerfRun,
  RegressionTolerances,
  RunRegression,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';

export type { RunRegression };

/**
 * Judges a run against the median of the earlier passing runs of its entity,
 * scenario and environment.
 */
export async function regressionOf(
  store: DatabasePerfRunStore,
  run: PerfRun,
  options: { baselineRuns: number; tolerances: RegressionTolerances },
): Promise<RunRegression> {
  const pinned = await store.pinnedBaseline(run);
  if (pinned && pinned.run.id !== run.id) {
    return {
      runId: run.id,
      baseline: {
        kind: 'pinned',
        runIds: [pinned.run.id],
        pinnedBy: pinned.pinnedBy,
        pinnedAt: pinned.pinnedAt,
      },
      ...detectRegression(
        run.results,
        statsOf(pinned.run.results),
        options.tolerances,
      ),
    };
  }
  const previous = await store.passingRunsBefore(run, options.baselineRuns);
  const baseline = { kind: 'median' as const, runIds: previous.map(r => r.id) };
  if (previous.length === 0) {
    return {
      runId: run.id,
      baseline,
      findings: [],
      reason: `no earlier passing run of ${run.scenario} in ${run.environment} to compare with`,
    };
  }
  const verdict = detectRegression(
    run.results,
    medianBaseline(previous.map(r => r.results)),
    options.tolerances,
  );
  return { runId: run.id, baseline, ...verdict };
}
