/*
 * What the matrix page shows of a matrix answer: the worst state of each
 * cell, the rows and columns a filter and the gaps toggle leave, and the
 * words of a cell's tooltip. Pure, so the table only renders.
 */
import {
  ComplianceMatrix,
  ControlState,
  MATRIX_STATES,
  MatrixCell,
  MatrixCoverage,
  MatrixGrouping,
} from '@readiness/plugin-compliance-common';
import { STATE_LABEL } from '../states';

/** What colours a cell: the state that needs attention most among its entities. */
export type CellTone = ControlState | 'none';

/** From the worst to the best: a cell takes the first state any entity is in. */
export const WORST_FIRST: ControlState[] = [
  'failing',
  'expired',
  'missing',
  'expiring',
  'fresh',
  'not-applicable',
];

const INDEX_OF = new Map(MATRIX_STATES.map((state, i) => [state, i]));

/** The worst state of a cell's entities; `none` when out of every entity's scope. */
export function worstState(cell: MatrixCell): CellTone {
  if (cell === null) return 'none';
  return WORST_FIRST.find(state => cell[INDEX_OF.get(state)!] > 0) ?? 'none';
}

/** A cell's counts in words, worst first: "2 missing, 1 fresh". */
export function describeCell(cell: MatrixCell): string {
  if (cell === null) return 'In the scope of none of these entities';
  const parts = WORST_FIRST.filter(state => cell[INDEX_OF.get(state)!] > 0).map(
    state => `${cell[INDEX_OF.get(state)!]} ${STATE_LABEL[state]}`,
  );
  return parts.join(', ');
}

/** The part of a control id after its framework: `CC8.1` of `SOC2:CC8.1`. */
export function shortId(control: string): string {
  const colon = control.indexOf(':');
  return colon < 0 ? control : control.slice(colon + 1);
}

/** Coverage as a whole percentage; rounded down so that a gap never shows as 100%. */
export function percent(coverage: MatrixCoverage): string {
  return `${Math.floor(coverage.ratio * 100)}%`;
}

/** Fully covered: every applicable pair has fresh or expiring evidence. */
export function isCovered(coverage: MatrixCoverage): boolean {
  return coverage.covered >= coverage.applicable;
}

/** The title of a row; the row of entities without a system or owner has none. */
export function groupTitle(
  group: { group: string; title: string },
  groupBy: MatrixGrouping,
): string {
  if (group.group !== '') return group.title;
  return groupBy === 'system' ? 'No system' : 'No owner';
}

export type MatrixFilter = { text: string; gapsOnly: boolean };

/** The rows and columns shown, as indexes into the matrix's groups and controls. */
export type MatrixView = { rows: number[]; columns: number[] };

function indexes(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLocaleLowerCase().includes(needle);
}

/**
 * The rows and columns a filter leaves. The text keeps the rows whose title
 * or ref contains it and the controls whose id or title does; when it
 * matches only rows (or only controls), the other side stays whole. With
 * gaps only, rows and controls whose every applicable pair is covered go.
 */
export function viewOf(
  matrix: ComplianceMatrix,
  filter: MatrixFilter,
): MatrixView {
  let rows = indexes(matrix.groups.length);
  let columns = indexes(matrix.controls.length);
  if (filter.gapsOnly) {
    rows = rows.filter(i => !isCovered(matrix.groups[i]));
    columns = columns.filter(i => !isCovered(matrix.controls[i]));
  }
  const text = filter.text.trim().toLocaleLowerCase();
  if (text === '') return { rows, columns };
  const matchingRows = rows.filter(i => {
    const group = matrix.groups[i];
    return (
      contains(groupTitle(group, matrix.groupBy), text) ||
      contains(group.group, text)
    );
  });
  const matchingColumns = columns.filter(i => {
    const control = matrix.controls[i];
    return contains(control.control, text) || contains(control.title, text);
  });
  if (matchingRows.length === 0 && matchingColumns.length === 0) {
    return { rows: [], columns: [] };
  }
  return {
    rows: matchingRows.length > 0 ? matchingRows : rows,
    columns: matchingColumns.length > 0 ? matchingColumns : columns,
  };
}
