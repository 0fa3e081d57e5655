import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** How good a state is; the chip's colour follows it. */
export type StateTone = 'ok' | 'warning' | 'error' | 'neutral';

const useStyles = makeStyles((theme: Theme) => ({
  chip: { margin: 0, fontWeight: 500, minWidth: theme.spacing(10) },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  neutral: {},
}));

/** A small coloured label for a family's state (passing, 2 failing, …). */
export function StateChip(props: { tone: StateTone; label: string }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.label}
      className={`${classes.chip} ${classes[props.tone]}`}
    />
  );
}
