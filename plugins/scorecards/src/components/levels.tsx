import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import { ScorecardLevel } from '@readiness/plugin-scorecards-common';
import { CheckResultStatus } from '../api';
import { levelTitle } from './format';

/** Medal colours, dark enough for white text on either theme. */
export const LEVEL_COLORS: Record<ScorecardLevel, string> = {
  bronze: '#9c5b28',
  silver: '#6b7780',
  gold: '#a07c00',
};

const useStyles = makeStyles((theme: Theme) => ({
  badge: { fontWeight: 600, color: '#fff' },
  bronze: { backgroundColor: LEVEL_COLORS.bronze },
  silver: { backgroundColor: LEVEL_COLORS.silver },
  gold: { backgroundColor: LEVEL_COLORS.gold },
  none: {
    backgroundColor: 'transparent',
    color: theme.palette.text.secondary,
    border: `1px dashed ${theme.palette.text.secondary}`,
  },
  icon: { color: 'inherit' },
  small: { margin: 0, fontWeight: 500 },
  pass: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  fail: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  unknown: {
    backgroundColor: 'transparent',
    border: `1px dashed ${theme.palette.warning.dark}`,
    color: theme.palette.warning.dark,
  },
  outlined: { margin: 0 },
}));

/** The level an entity reached, as a medal; a dashed `No level` otherwise. */
export function LevelBadge(props: {
  level: ScorecardLevel | null;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const { level } = props;
  return (
    <Chip
      size={props.size ?? 'medium'}
      icon={level ? <EmojiEventsIcon className={classes.icon} /> : undefined}
      label={levelTitle(level)}
      aria-label={level ? `Level ${levelTitle(level)}` : 'No level reached'}
      className={`${classes.badge} ${classes[level ?? 'none']}`}
    />
  );
}

/** The level a check counts at, as a small outlined label. */
export function CheckLevelChip(props: { level: ScorecardLevel }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={levelTitle(props.level)}
      className={classes.outlined}
      style={{
        borderColor: LEVEL_COLORS[props.level],
        color: LEVEL_COLORS[props.level],
      }}
    />
  );
}

export const STATUS_LABEL: Record<CheckResultStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  unknown: 'unknown',
};

const STATUS_MEANING: Record<CheckResultStatus, string> = {
  pass: 'The rule holds',
  fail: 'The rule does not hold',
  unknown:
    'A fact the rule needs is not known yet: it counts as not passing, like a failure',
};

/** A check's outcome, coloured by how much it needs attention. */
export function CheckStatusChip(props: { status: CheckResultStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={STATUS_LABEL[props.status]}
      title={STATUS_MEANING[props.status]}
      className={`${classes.small} ${classes[props.status]}`}
    />
  );
}
