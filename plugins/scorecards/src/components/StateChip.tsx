import { makeStyles, Theme } from '@material-ui/core/styles';
import { Tone, ToneChip } from '@readiness/portal-react';

/** How good a state is; the chip's colour follows it. */
export type StateTone = Exclude<Tone, 'missing'>;

const useStyles = makeStyles((theme: Theme) => ({
  chip: { minWidth: theme.spacing(10) },
}));

/** A small coloured label for a family's state (passing, 2 failing, …). */
export function StateChip(props: { tone: StateTone; label: string }) {
  const classes = useStyles();
  return (
    <ToneChip tone={props.tone} label={props.label} className={classes.chip} />
  );
}
