/** Where an OpenSLO problem is: file, document, JSON pointer and line. */
export type OpenSloProblem = {
  file: string;
  /** 1-based position of the document in its file (list items count too). */
  document: number;
  kind?: string;
  name?: string;
  /** JSON pointer inside the document, e.g. `/spec/objectives/0/target`. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
};

/** @public */
export type OpenSloMetricSource = {
  type?: string;
  /** A DataSource named by `metricSourceRef`. */
  ref?: string;
  spec: Record<string, unknown>;
};

/** @public */
export type OpenSloIndicator =
  | {
      name?: string;
      displayName?: string;
      description?: string;
      type: 'threshold';
      metricSource: OpenSloMetricSource;
    }
  | {
      name?: string;
      displayName?: string;
      description?: string;
      type: 'ratio';
      counter?: boolean;
      good?: OpenSloMetricSource;
      bad?: OpenSloMetricSource;
      total?: OpenSloMetricSource;
      /** A ready-made ratio, when the source computes it. */
      raw?: OpenSloMetricSource;
    };

/** @public */
export type OpenSloOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** @public */
export type OpenSloObjective = {
  displayName?: string;
  /** Threshold SLIs: the comparison a good event passes. */
  op?: OpenSloOperator;
  /** Threshold SLIs: the threshold, e.g. 500 (ms). */
  value?: number;
  /** The share of good events (or slices) required, 0 < target < 1. */
  target: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
};

/** @public */
export type OpenSloTimeWindow = {
  duration: string;
  isRolling: boolean;
  calendar?: { startTime?: string; timeZone?: string };
};

/** An SLO with its indicator resolved (inline or by `indicatorRef`). @public */
export type OpenSloObjectiveSet = {
  name: string;
  displayName?: string;
  description?: string;
  service: string;
  indicator?: OpenSloIndicator;
  timeWindow: OpenSloTimeWindow;
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  objectives: OpenSloObjective[];
  alertPolicies: string[];
  /** Where it was read from, `file#document`. */
  source: string;
};

/** Everything read from a set of OpenSLO files. @public */
export type OpenSloSet = {
  slos: OpenSloObjectiveSet[];
  services: Array<{ name: string; displayName?: string; description?: string }>;
  /** Names of the other kinds that were read, for references. */
  names: Record<
    | 'SLI'
    | 'AlertPolicy'
    | 'AlertCondition'
    | 'AlertNotificationTarget'
    | 'DataSource',
    string[]
  >;
  problems: OpenSloProblem[];
};
