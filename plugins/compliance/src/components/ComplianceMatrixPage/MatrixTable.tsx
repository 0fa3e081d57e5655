/*
 * The heat map: one row per system or owner, one column per control, each
 * cell coloured by the worst state of the row's entities. A framework can
 * have 150 columns and a portal hundreds of rows, so cells are plain table
 * cells with one of a few classes and a native tooltip; the table renders
 * again only when the matrix or what is shown of it changes.
 */
import { memo, MouseEvent, useCallback } from 'react';
import { ComplianceMatrix } from '@readiness/plugin-compliance-common';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  CellTone,
  describeCell,
  groupTitle,
  MatrixView,
  percent,
  shortId,
  worstState,
} from './matrixView';
import { plural } from '@readiness/portal-react';

const CELL = 22;

/** The colour of each tone, shared by the cells and the legend. */
export const useToneStyles = makeStyles((theme: Theme) => ({
  failing: { backgroundColor: theme.palette.error.main },
  expired: { backgroundColor: theme.palette.error.light },
  missing: { backgroundColor: '#b98b8b' },
  expiring: { backgroundColor: theme.palette.warning.main },
  fresh: { backgroundColor: theme.palette.success.main },
  'not-applicable': { backgroundColor: theme.palette.action.selected },
  none: { backgroundColor: 'transparent' },
}));

const useStyles = makeStyles((theme: Theme) => ({
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: theme.typography.body2.fontSize,
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    background: theme.palette.background.paper,
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    borderRight: `1px solid ${theme.palette.divider}`,
    minWidth: 240,
  },
  control: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: theme.palette.background.paper,
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 0),
    width: CELL,
    minWidth: CELL,
    fontWeight: 500,
    fontSize: '0.75rem',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
  },
  group: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: theme.palette.background.paper,
    borderRight: `1px solid ${theme.palette.divider}`,
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.25, 1),
    whiteSpace: 'nowrap',
    textAlign: 'left',
    fontWeight: 'normal',
  },
  groupButton: {
    font: 'inherit',
    fontWeight: 500,
    color: theme.palette.primary.main,
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    textAlign: 'left',
    maxWidth: 220,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    '&:hover': { textDecoration: 'underline' },
  },
  groupFacts: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
  },
  cell: {
    width: CELL,
    minWidth: CELL,
    height: CELL,
    padding: 0,
    border: `1px solid ${theme.palette.background.paper}`,
    cursor: 'pointer',
  },
  row: {
    '&:hover td': { outline: `1px solid ${theme.palette.divider}` },
  },
}));

function HeatMap(props: {
  matrix: ComplianceMatrix;
  view: MatrixView;
  onOpenRow: (row: number) => void;
}) {
  const { matrix, view, onOpenRow } = props;
  const classes = useStyles();
  const tones = useToneStyles();
  const toneClass: Record<CellTone, string> = tones;
  const grouping = matrix.groupBy === 'system' ? 'System' : 'Owner';

  // One handler for the whole table instead of one per cell
  const onClick = useCallback(
    (event: MouseEvent<HTMLTableElement>) => {
      const row = (event.target as HTMLElement).closest('[data-row]');
      if (row) onOpenRow(Number(row.getAttribute('data-row')));
    },
    [onOpenRow],
  );

  return (
    <div className={classes.scroller}>
      {/* The row's button opens it from the keyboard; a click anywhere on the row is for pointers */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <table className={classes.table} onClick={onClick}>
        <thead>
          <tr>
            <th scope="col" className={classes.corner}>
              {grouping}
            </th>
            {view.columns.map(c => {
              const control = matrix.controls[c];
              return (
                <th
                  key={control.control}
                  scope="col"
                  className={classes.control}
                  title={`${control.control} ${control.title}: ${percent(
                    control,
                  )} covered`}
                >
                  {shortId(control.control)}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {view.rows.map(r => {
            const group = matrix.groups[r];
            const title = groupTitle(group, matrix.groupBy);
            return (
              <tr key={group.group} data-row={r} className={classes.row}>
                <th scope="row" className={classes.group}>
                  <button
                    type="button"
                    className={classes.groupButton}
                    title={group.group || title}
                  >
                    {title}
                  </button>
                  <span className={classes.groupFacts}>
                    {plural(group.entities, 'entity', 'entities')} ·{' '}
                    {percent(group)} covered
                  </span>
                </th>
                {view.columns.map(c => {
                  const cell = group.cells[c];
                  return (
                    <td
                      key={c}
                      className={`${classes.cell} ${
                        toneClass[worstState(cell)]
                      }`}
                      title={`${title} · ${
                        matrix.controls[c].control
                      }: ${describeCell(cell)}`}
                    />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The matrix as a table; a click on a row or one of its cells opens the row. */
export const MatrixTable = memo(HeatMap);
