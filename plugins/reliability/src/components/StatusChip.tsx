import { makeStyles, Theme } from '@material-ui/core/styles';
import { Tone, ToneChip } from '@readiness/portal-react';

/** How good a status is; the chip's colour follows it. */
export type StatusTone = Exclude<Tone, 'missing'>;

const useStyles = makeStyles((theme: Theme) => ({
  chip: { maxWidth: theme.spacing(32) },
}));

/** A small coloured label for a status word (pass, failed, stale, …). */
export function StatusChip(props: { tone: StatusTone; label: string }) {
  const classes = useStyles();
  return (
    <ToneChip tone={props.tone} label={props.label} className={classes.chip} />
  );
}
