import { Link } from '@backstage/core-components';
import { EvidenceItem } from '@readiness/plugin-compliance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { formatDateTime } from '../format';
import { EvidenceResultChip, SOURCE_LABEL } from '../states';

const useStyles = makeStyles((theme: Theme) => ({
  timeline: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderLeft: `2px solid ${theme.palette.divider}`,
    marginLeft: theme.spacing(1),
  },
  item: {
    position: 'relative',
    padding: theme.spacing(0.5, 0, 1.5, 2.5),
    '&::before': {
      content: '""',
      position: 'absolute',
      left: -7,
      top: 10,
      width: 12,
      height: 12,
      borderRadius: '50%',
      backgroundColor: theme.palette.background.paper,
      border: `2px solid ${theme.palette.primary.main}`,
    },
  },
  withdrawnItem: {
    '&::before': { borderColor: theme.palette.text.disabled },
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  title: { fontWeight: 500 },
  struck: {
    textDecoration: 'line-through',
    color: theme.palette.text.secondary,
  },
  withdrawal: {
    marginTop: theme.spacing(0.5),
    padding: theme.spacing(0.5, 1),
    borderLeft: `3px solid ${theme.palette.warning.main}`,
    backgroundColor: theme.palette.action.hover,
  },
  controls: { fontFamily: 'monospace', fontSize: '0.75rem' },
  description: { whiteSpace: 'pre-wrap', marginTop: theme.spacing(0.5) },
  withdraw: { marginLeft: 'auto' },
  // A withdrawn item's result no longer counts: shown, but receding
  faded: { opacity: 0.55 },
}));

function TimelineEntry(props: {
  item: EvidenceItem;
  onWithdraw?: (item: EvidenceItem) => void;
}) {
  const classes = useStyles();
  const { item } = props;
  const withdrawn = item.withdrawal;
  return (
    <li
      className={`${classes.item} ${withdrawn ? classes.withdrawnItem : ''}`}
      aria-label={`${item.title}${withdrawn ? ' (withdrawn)' : ''}`}
    >
      <Box className={classes.heading}>
        <Typography
          variant="body2"
          component="span"
          className={`${classes.title} ${withdrawn ? classes.struck : ''}`}
        >
          {item.title}
        </Typography>
        <span className={withdrawn ? classes.faded : undefined}>
          <EvidenceResultChip result={item.result} />
        </span>
        <Chip
          size="small"
          variant="outlined"
          label={SOURCE_LABEL[item.source]}
        />
        {withdrawn && <Chip size="small" label="withdrawn" />}
        {props.onWithdraw && !withdrawn && (
          <Button
            size="small"
            className={classes.withdraw}
            onClick={() => props.onWithdraw!(item)}
            aria-label={`Withdraw ${item.title}`}
          >
            Withdraw
          </Button>
        )}
      </Box>
      <Typography variant="caption" color="textSecondary" display="block">
        Collected {formatDateTime(item.collectedAt)} · expires{' '}
        {formatDateTime(item.expiresAt)} · filed by {item.filedBy}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        className={classes.controls}
      >
        {item.controls.join(', ')}
      </Typography>
      {item.description && (
        <Typography variant="body2" className={classes.description}>
          {item.description}
        </Typography>
      )}
      {item.link && (
        <Typography variant="body2">
          <Link to={item.link}>{item.link}</Link>
        </Typography>
      )}
      {item.attachment && (
        <Typography variant="caption" display="block">
          Attachment: {item.attachment.name} ({item.attachment.mediaType})
        </Typography>
      )}
      {withdrawn && (
        <Typography variant="body2" className={classes.withdrawal}>
          Withdrawn {formatDateTime(withdrawn.withdrawnAt)} by{' '}
          {withdrawn.withdrawnBy}: {withdrawn.reason}
        </Typography>
      )}
    </li>
  );
}

/**
 * Evidence items as a timeline, in the order given (the backend's: newest
 * collected first). Withdrawn items stay, struck, with their reason.
 */
export function EvidenceTimeline(props: {
  items: EvidenceItem[];
  'aria-label': string;
  /** Offered on items that still count, when the reader may withdraw. */
  onWithdraw?: (item: EvidenceItem) => void;
}) {
  const classes = useStyles();
  return (
    <ol className={classes.timeline} aria-label={props['aria-label']}>
      {props.items.map(item => (
        <TimelineEntry
          key={item.id}
          item={item}
          onWithdraw={props.onWithdraw}
        />
      ))}
    </ol>
  );
}
