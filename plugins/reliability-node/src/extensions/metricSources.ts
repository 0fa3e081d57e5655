import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ObjectiveCompliance,
  ObjectiveEvaluation,
  OpenSloMetricSource,
  OpenSloObjectiveSet,
} from '@readiness/plugin-reliability-common';

/**
 * A source of SLI data other than the published k6 runs, for example
 * Prometheus or Datadog. The reliability backend hands it every SLO whose
 * indicator names its `metricSource.type`.
 *
 * @public
 */
export interface SloMetricSource {
  /** The `metricSource.type` it answers, compared case-insensitively. */
  readonly type: string;
  /**
   * Judges the objectives of one SLO of an entity: now (`latest`, also what
   * the release gate uses) and over the SLO's time window (`compliance`).
   * Throwing is reported on the SLO as a problem, never as a failed request.
   */
  evaluate(request: {
    entityRef: string;
    slo: OpenSloObjectiveSet;
    window: { start: Date; end: Date };
  }): Promise<{
    latest?: { at: string; objectives: ObjectiveEvaluation[] };
    compliance: ObjectiveCompliance[];
  }>;
}

/**
 * Lets backend modules add SLO metric sources to the reliability backend.
 *
 * @public
 */
export interface ReliabilityMetricSourcesExtensionPoint {
  addMetricSource(...sources: SloMetricSource[]): void;
}

/**
 * The extension point for metric sources; `k6` is built in and cannot be
 * replaced.
 *
 * @public
 */
export const reliabilityMetricSourcesExtensionPoint =
  createExtensionPoint<ReliabilityMetricSourcesExtensionPoint>({
    id: 'reliability.metric-sources',
  });

/**
 * The metric source types an SLO's indicator names, lower-case: one for a
 * threshold indicator, those of good/bad/total for a ratio.
 *
 * @public
 */
export function metricSourceTypesOf(slo: OpenSloObjectiveSet): string[] {
  const indicator = slo.indicator;
  if (!indicator) return [];
  const sources: Array<OpenSloMetricSource | undefined> =
    indicator.type === 'threshold'
      ? [indicator.metricSource]
      : [indicator.good, indicator.bad, indicator.total];
  return [
    ...new Set(
      sources
        .map(s => s?.type?.toLocaleLowerCase('en-US'))
        .filter((t): t is string => Boolean(t)),
    ),
  ];
}
