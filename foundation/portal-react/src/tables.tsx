import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles, Theme } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';

/**
 * The button that opens and closes a table row's detail, with the state and
 * the detail's id for assistive technology.
 *
 * @public
 */
export function ExpandRowButton(props: {
  open: boolean;
  onToggle: () => void;
  /** Read after "Show" or "Hide", e.g. "the evidence of CC6.1". */
  label: string;
  /** The id of the detail the button opens. */
  controls: string;
}) {
  const { open } = props;
  return (
    <IconButton
      size="small"
      aria-label={`${open ? 'Hide' : 'Show'} ${props.label}`}
      aria-expanded={open}
      aria-controls={open ? props.controls : undefined}
      onClick={props.onToggle}
    >
      {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
    </IconButton>
  );
}

const useStyles = makeStyles((theme: Theme) => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/**
 * Chips that filter a list by a value (a state, an outcome): "All" with the
 * list's length, then each value present with its count, the shown one
 * pressed. `children` follow the chips (a link to what the values mean).
 *
 * @public
 */
export function FilterChips<T extends string>(props: {
  /** The group's accessible name, e.g. "Filter by state". */
  label: string;
  total: number;
  /** The values in the order they are offered; those counted 0 are left out. */
  values: Array<{ value: T; label: string; count: number }>;
  shown: T | 'all';
  onShow: (shown: T | 'all') => void;
  /** Adds a card's spacing to the group. */
  className?: string;
  children?: ReactNode;
}) {
  const classes = useStyles();
  const { shown, onShow } = props;
  return (
    <Box
      className={[classes.filters, props.className].filter(Boolean).join(' ')}
      role="group"
      aria-label={props.label}
    >
      <Chip
        label={`All ${props.total}`}
        clickable
        color={shown === 'all' ? 'primary' : 'default'}
        aria-pressed={shown === 'all'}
        onClick={() => onShow('all')}
      />
      {props.values
        .filter(v => v.count > 0)
        .map(v => (
          <Chip
            key={v.value}
            label={`${v.label} ${v.count}`}
            clickable
            color={shown === v.value ? 'primary' : 'default'}
            aria-pressed={shown === v.value}
            onClick={() => onShow(v.value)}
          />
        ))}
      {props.children}
    </Box>
  );
}
