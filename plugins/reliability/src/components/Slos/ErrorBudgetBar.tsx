import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { formatShare } from '../format';

const useStyles = makeStyles((theme: Theme) => ({
  root: { minWidth: 120 },
  track: {
    height: 6,
    borderRadius: 3,
    marginTop: theme.spacing(0.5),
    backgroundColor: theme.palette.action.hover,
  },
  healthy: { backgroundColor: theme.palette.success.main },
  low: { backgroundColor: theme.palette.warning.main },
  spent: { backgroundColor: theme.palette.error.main },
}));

/** Below this share of budget left, the bar turns to warning. */
const LOW_BUDGET = 0.25;

/**
 * The error budget left over the SLO window: the percentage, and a bar that
 * is empty once the budget is spent (the budget may be negative).
 */
export function ErrorBudgetBar(props: { remaining?: number }) {
  const classes = useStyles();
  const { remaining } = props;
  if (remaining === undefined) {
    return <Typography variant="body2">—</Typography>;
  }
  const filled = Math.min(100, Math.max(0, remaining * 100));
  let barClass = classes.healthy;
  if (remaining <= 0) barClass = classes.spent;
  else if (remaining < LOW_BUDGET) barClass = classes.low;
  const text = formatShare(remaining);
  return (
    <Box className={classes.root}>
      <Typography variant="body2">{text}</Typography>
      <LinearProgress
        variant="determinate"
        value={filled}
        aria-label={`Error budget left: ${text}`}
        classes={{ root: classes.track, bar: barClass }}
      />
    </Box>
  );
}
