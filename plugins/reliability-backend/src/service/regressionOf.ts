import {
  detectRegression,
  medianBaseline,
  PerfRun,
  RegressionTolerances,
  RegressionVerdict,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';

/** A run judged against its baseline. */
export type RunRegression = RegressionVerdict & {
  runId: string;
  baseline: { kind: 'median'; runIds: string[] };
};

/**
 * Judges a run against the median of the earlier passing runs of its entity,
 * scenario and environment.
 */
export async function regressionOf(
  store: DatabasePerfRunStore,
  run: PerfRun,
  options: { baselineRuns: number; tolerances: RegressionTolerances },
): Promise<RunRegression> {
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
