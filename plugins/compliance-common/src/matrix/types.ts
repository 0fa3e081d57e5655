import { ControlState } from '../state/controlState';

/**
 * How the matrix groups entities: by the system they are part of, or by
 * their owner.
 *
 * @public
 */
export const MATRIX_GROUPINGS = ['system', 'owner'] as const;

/** @public */
export type MatrixGrouping = (typeof MATRIX_GROUPINGS)[number];

/**
 * The order of the counts of a matrix cell.
 *
 * @public
 */
export const MATRIX_STATES: readonly ControlState[] = [
  'fresh',
  'expiring',
  'expired',
  'failing',
  'missing',
  'not-applicable',
];

/**
 * How many entities of a group are in each state for one control, in the
 * order of {@link MATRIX_STATES}; `null` when the control is in the scope of
 * none of the group's entities.
 *
 * @public
 */
export type MatrixCell =
  | [
      fresh: number,
      expiring: number,
      expired: number,
      failing: number,
      missing: number,
      notApplicable: number,
    ]
  | null;

/**
 * Coverage of a set of entity × control pairs: how many are applicable
 * (not declared not applicable) and how many of those are covered (fresh
 * or expiring evidence).
 *
 * @public
 */
export type MatrixCoverage = {
  applicable: number;
  covered: number;
  /** covered / applicable, 0 to 1; 1 when nothing applies. */
  ratio: number;
};

/**
 * A row of the matrix: the entities of one system or owner.
 *
 * @public
 */
export type MatrixGroup = MatrixCoverage & {
  /** The system's or owner's entity ref; `` for entities without one. */
  group: string;
  /** The system's or group's title or name, as the catalog has it. */
  title: string;
  /** Entities of the group with a control of the framework in scope. */
  entities: number;
  /** One per column of the matrix, in its order. */
  cells: MatrixCell[];
};

/**
 * A column of the matrix: a control in the scope of some entity.
 *
 * @public
 */
export type MatrixControl = MatrixCoverage & {
  /** `SOC2:CC8.1` */
  control: string;
  title: string;
};

/**
 * One framework's controls × the systems or owners of the entities in
 * their scope, with the state counts of every cell, for the caller's
 * entities.
 *
 * @public
 */
export type ComplianceMatrix = {
  framework: string;
  title: string;
  groupBy: MatrixGrouping;
  /** The time the states were computed for. */
  asOf: string;
  /** When the catalog was last read for the entities and their scope. */
  catalogAsOf: string;
  /** Controls in the scope of some entity, in the framework's order. */
  controls: MatrixControl[];
  /** Groups by title; entities without a system or owner last. */
  groups: MatrixGroup[];
  totals: MatrixCoverage & {
    entities: number;
    /** Entity × control pairs per state, in the order of MATRIX_STATES. */
    states: NonNullable<MatrixCell>;
  };
};

/**
 * One entity of a matrix group with the state of each control of the
 * framework in its scope.
 *
 * @public
 */
export type MatrixEntity = MatrixCoverage & {
  entityRef: string;
  title: string;
  kind: string;
  /** Control (`SOC2:CC8.1`) → state, for the controls in the entity's scope. */
  states: Record<string, ControlState>;
};

/**
 * The drill-down of one matrix row: its entities and their states.
 *
 * @public
 */
export type ComplianceMatrixGroup = {
  framework: string;
  groupBy: MatrixGrouping;
  group: string;
  title: string;
  asOf: string;
  catalogAsOf: string;
  /** Controls in the scope of some entity of the group, in the framework's order. */
  controls: Array<{ control: string; title: string }>;
  /** By title. */
  entities: MatrixEntity[];
};

/**
 * A loaded framework as the matrix's framework selector lists it.
 *
 * @public
 */
export type FrameworkSummary = {
  /** The id the matrix takes: `SOC2`. */
  id: string;
  title: string;
  version?: string;
  /** How many controls the framework defines. */
  controls: number;
};
