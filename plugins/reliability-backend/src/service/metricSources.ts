import {
  durationMs,
  OpenSloObjectiveSet,
  OpenSloProblem,
} from '@readiness/plugin-reliability-common';
import {
  metricSourceTypesOf,
  SloMetricSource,
} from '@readiness/plugin-reliability-node';

/** The metric sources added by modules, by lower-case type. */
export class MetricSourceRegistry {
  private readonly sources = new Map<string, SloMetricSource>();

  add(source: SloMetricSource) {
    const type = source.type.toLocaleLowerCase('en-US');
    if (type === 'k6') {
      throw new Error(
        'The k6 metric source is built in and cannot be replaced',
      );
    }
    if (this.sources.has(type)) {
      throw new Error(`A metric source for ${type} was added twice`);
    }
    this.sources.set(type, source);
  }

  /** The added source that judges an SLO, if one of its types has one. */
  sourceOf(slo: OpenSloObjectiveSet): SloMetricSource | undefined {
    for (const type of metricSourceTypesOf(slo)) {
      const source = this.sources.get(type);
      if (source) return source;
    }
    return undefined;
  }

  /**
   * Asks the source of an SLO over the SLO's window ending now; a failure
   * becomes a problem of the SLO, never an error of the request.
   */
  async evaluate(
    source: SloMetricSource,
    entityRef: string,
    slo: OpenSloObjectiveSet,
    now: Date,
  ): Promise<
    | { result: Awaited<ReturnType<SloMetricSource['evaluate']>> }
    | { problem: OpenSloProblem }
  > {
    try {
      const start = new Date(
        now.getTime() - durationMs(slo.timeWindow.duration),
      );
      return {
        result: await source.evaluate({
          entityRef,
          slo,
          window: { start, end: now },
        }),
      };
    } catch (error) {
      const [file] = slo.source.split('#');
      return {
        problem: {
          file,
          document: Number(slo.source.split('#')[1] ?? 0),
          path: '/spec/indicator',
          message: `metric source ${source.type} failed: ${
            (error as Error).message
          }`,
        },
      };
    }
  }
}
