import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { portalDocsLink } from './docs';

const useStyles = makeStyles((theme: Theme) => ({
  chip: {
    height: 20,
    fontSize: '0.7rem',
    fontWeight: 500,
    color: theme.palette.text.secondary,
    borderStyle: 'dashed',
    cursor: 'inherit',
  },
  title: {
    display: 'inline-flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

/** The page of the portal docs that says what sample data is and how to turn it off. */
export const SAMPLE_DATA_DOCS = portalDocsLink('operations/sample-data');

/**
 * A small mark on records seeded as sample data for a first start of the
 * portal, linking to the page that says what they are and how to turn them
 * off. `what` names the records for screen readers and the tooltip.
 *
 * @public
 */
export function SampleDataChip(props: { what?: string }) {
  const classes = useStyles();
  const what = props.what ?? 'These records are';
  const explanation = `${what} sample data, seeded for a first start of the portal, not published by a pipeline.`;
  return (
    <Tooltip title={`${explanation} Select to read how to turn it off.`}>
      <Link to={SAMPLE_DATA_DOCS} underline="none" aria-label={explanation}>
        <Chip
          size="small"
          variant="outlined"
          label="Sample data"
          className={classes.chip}
        />
      </Link>
    </Tooltip>
  );
}

/**
 * A card title followed by the sample-data mark when what the card shows
 * includes sample records.
 *
 * @public
 */
export function SampleDataTitle(props: {
  title: ReactNode;
  sample: boolean;
  what?: string;
}) {
  const classes = useStyles();
  if (!props.sample) return <>{props.title}</>;
  return (
    <span className={classes.title}>
      {props.title}
      <SampleDataChip what={props.what} />
    </span>
  );
}
