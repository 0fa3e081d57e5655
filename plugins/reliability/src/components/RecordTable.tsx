import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableCell, { TableCellProps } from '@material-ui/core/TableCell';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  // Numbers, names and chips stay on one line; the card scrolls sideways
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
  wrap: { '&&': { whiteSpace: 'normal', minWidth: 180 } },
});

/** A dense table of the reliability record that scrolls instead of breaking words. */
export function RecordTable(props: {
  'aria-label': string;
  stickyHeader?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box className={`${classes.scroll} ${props.className ?? ''}`}>
      <Table
        size="small"
        stickyHeader={props.stickyHeader}
        aria-label={props['aria-label']}
        className={classes.table}
      >
        {props.children}
      </Table>
    </Box>
  );
}

/** A cell of running text (a reason, a scenario) that may wrap. */
export function TextCell(props: TableCellProps) {
  const classes = useStyles();
  return (
    <TableCell
      {...props}
      className={`${classes.wrap} ${props.className ?? ''}`}
    />
  );
}
