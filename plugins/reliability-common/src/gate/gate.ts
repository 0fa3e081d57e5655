/*
 * The release gate: one verdict for an entity's release in an environment,
 * from the release's newest runs. Every input gives a reason; one failed input
 * fails the gate, and a gate with nothing failed but something unknown is
 * unknown, never a silent pass.
 */
import { OpenSloObjectiveSet } from '../openslo/types';
import { PerfRun } from '../perfRun';
import { thresholdOutcome } from '../perfResults';
import { RegressionVerdict } from '../regression/regression';
import { evaluateSloOnRun, ObjectiveEvaluation } from '../slo/evaluateSlo';
import { sloScenario } from '../slo/k6MetricSource';

/** @public */
export type GateStatus = 'pass' | 'fail' | 'unknown';

/** One input of a gate and what it said. @public */
export type GateReason = {
  input: 'scenario' | 'thresholds' | 'slo' | 'regression';
  /** The scenario, SLO objective or run the reason is about. */
  subject: string;
  status: GateStatus;
  message: string;
  runId?: string;
};

/** @public */
export type GateVerdict = {
  entityRef: string;
  release: string;
  environment: string;
  status: GateStatus;
  reasons: GateReason[];
  /** The newest run of each scenario of the release that was judged. */
  runIds: string[];
};

/** pass for true, fail for false, unknown for undefined */
function statusOf(ok: boolean | undefined): GateStatus {
  if (ok === undefined) return 'unknown';
  return ok ? 'pass' : 'fail';
}

const OBJECTIVE_STATUS: Record<string, GateStatus> = {
  met: 'pass',
  missed: 'fail',
  'no-data': 'unknown',
  unsupported: 'unknown',
};

/**
 * The newest run of each scenario, from runs ordered newest first: the runs
 * that stand for a release.
 *
 * @public
 */
export function newestRunPerScenario(runs: PerfRun[]): Map<string, PerfRun> {
  const newest = new Map<string, PerfRun>();
  for (const run of runs) {
    if (!newest.has(run.scenario)) newest.set(run.scenario, run);
  }
  return newest;
}

/**
 * Decides the gate of a release.
 *
 * @param runs - the release's runs in the environment, newest first
 * @param regressions - the regression verdict of each judged run, by run id
 *
 * @public
 */
export function decideGate(options: {
  entityRef: string;
  release: string;
  environment: string;
  runs: PerfRun[];
  slos: OpenSloObjectiveSet[];
  requiredScenarios: string[];
  regressions: Record<string, RegressionVerdict>;
  /**
   * Objectives judged by a metric source other than k6, by SLO name: used
   * instead of the runs for those SLOs.
   */
  externalObjectives?: Record<string, ObjectiveEvaluation[]>;
}): GateVerdict {
  const { runs, slos, requiredScenarios, regressions } = options;
  const reasons: GateReason[] = [];

  const newest = newestRunPerScenario(runs);

  for (const scenario of requiredScenarios) {
    const run = newest.get(scenario);
    reasons.push({
      input: 'scenario',
      subject: scenario,
      status: run ? 'pass' : 'fail',
      message: run
        ? `ran (${run.startedAt})`
        : `required scenario ${scenario} has no run for this release`,
      ...(run && { runId: run.id }),
    });
  }

  for (const run of newest.values()) {
    const outcome = thresholdOutcome(run.results, run.k6ExitCode);
    reasons.push({
      input: 'thresholds',
      subject: run.scenario,
      status: statusOf(outcome.passed),
      message: outcome.reason,
      runId: run.id,
    });
    const regression = regressions[run.id];
    reasons.push({
      input: 'regression',
      subject: run.scenario,
      status: statusOf(
        regression?.regressed === undefined ? undefined : !regression.regressed,
      ),
      message: regression?.reason ?? 'no regression verdict',
      runId: run.id,
    });
  }

  for (const slo of slos) {
    const external = options.externalObjectives?.[slo.name];
    if (external) {
      for (const evaluation of external) {
        reasons.push({
          input: 'slo',
          subject: `${slo.name}${
            slo.objectives.length > 1 ? `#${evaluation.objective}` : ''
          }`,
          status: OBJECTIVE_STATUS[evaluation.status],
          message: `${evaluation.expected}: ${evaluation.reason}`,
        });
      }
      if (external.length === 0) {
        reasons.push({
          input: 'slo',
          subject: slo.name,
          status: 'unknown',
          message: 'its metric source has no data',
        });
      }
      continue;
    }
    const scenario = sloScenario(slo);
    const candidates = scenario
      ? [newest.get(scenario)].filter(Boolean)
      : [...newest.values()];
    // Judge on the newest applicable run that has data for the SLO
    let judged = false;
    for (const run of candidates as PerfRun[]) {
      const evaluations = evaluateSloOnRun(slo, run);
      if (evaluations.every(e => e.status === 'no-data')) continue;
      judged = true;
      for (const evaluation of evaluations) {
        reasons.push({
          input: 'slo',
          subject: `${slo.name}${
            slo.objectives.length > 1 ? `#${evaluation.objective}` : ''
          }`,
          status: OBJECTIVE_STATUS[evaluation.status],
          message: `${evaluation.expected}: ${evaluation.reason}`,
          runId: run.id,
        });
      }
      break;
    }
    if (!judged) {
      reasons.push({
        input: 'slo',
        subject: slo.name,
        status: 'unknown',
        message: scenario
          ? `no run of scenario ${scenario} for this release`
          : 'no run of this release has data for it',
      });
    }
  }

  if (newest.size === 0) {
    reasons.push({
      input: 'scenario',
      subject: '*',
      status: 'unknown',
      message: 'no perf run was published for this release and environment',
    });
  }
  let status: GateStatus = 'pass';
  if (reasons.some(r => r.status === 'fail')) {
    status = 'fail';
  } else if (reasons.some(r => r.status === 'unknown')) {
    status = 'unknown';
  }
  return {
    entityRef: options.entityRef,
    release: options.release,
    environment: options.environment,
    status,
    reasons,
    runIds: [...newest.values()].map(r => r.id),
  };
}
