import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';

const useStyles = makeStyles((theme: Theme) => ({
  counts: {
    display: 'grid',
    gap: theme.spacing(1),
    margin: theme.spacing(2, 0),
  },
  count: {
    textAlign: 'center',
    padding: theme.spacing(1, 0.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
  },
  ok: { color: theme.palette.success.main },
  attention: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.dark },
}));

/**
 * A row of equal tiles, each a count over its label, for a record's
 * summary (controls by state, checks by outcome).
 *
 * @public
 */
export function CountTiles(props: { columns: number; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box
      className={classes.counts}
      style={{ gridTemplateColumns: `repeat(${props.columns}, 1fr)` }}
    >
      {props.children}
    </Box>
  );
}

/**
 * One tile of {@link CountTiles}; the count is coloured by its tone
 * (`attention` in the error colour) and plain without one.
 *
 * @public
 */
export function CountTile(props: {
  count: number;
  label: string;
  /** The tile's accessible name, e.g. "2 failing". */
  name: string;
  title?: string;
  tone?: 'ok' | 'attention' | 'warning';
}) {
  const classes = useStyles();
  return (
    <Box
      role="group"
      aria-label={props.name}
      title={props.title}
      className={classes.count}
    >
      <Typography
        variant="h5"
        component="p"
        className={props.tone ? classes[props.tone] : undefined}
      >
        {props.count}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
    </Box>
  );
}
