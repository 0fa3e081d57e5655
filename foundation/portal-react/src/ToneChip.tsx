import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/**
 * How good a state is; a chip's colour follows it (`missing` is drawn as an
 * outline in the error colour).
 *
 * @public
 */
export type Tone = 'ok' | 'warning' | 'error' | 'missing' | 'neutral';

const useToneStyles = makeStyles((theme: Theme) => ({
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
  missing: {
    backgroundColor: 'transparent',
    border: `1px dashed ${theme.palette.error.main}`,
    color: theme.palette.error.main,
  },
  neutral: {},
}));

const useChipStyles = makeStyles({
  chip: { margin: 0, fontWeight: 500 },
});

/**
 * The class name of each tone's colours, for elements drawn without a chip
 * (tables with thousands of states).
 *
 * @public
 */
export function useToneClasses(): Record<Tone, string> {
  return useToneStyles();
}

/**
 * A small coloured label for a state word (passing, failed, stale, …).
 * `className` adds a plugin's sizing to the chip.
 *
 * @public
 */
export function ToneChip(props: {
  tone: Tone;
  label: string;
  title?: string;
  className?: string;
}) {
  const tones = useToneStyles();
  const { chip } = useChipStyles();
  return (
    <Chip
      size="small"
      label={props.label}
      title={props.title}
      className={[chip, tones[props.tone], props.className]
        .filter(Boolean)
        .join(' ')}
    />
  );
}
